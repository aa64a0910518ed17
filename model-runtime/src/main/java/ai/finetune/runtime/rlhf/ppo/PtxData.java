package ai.finetune.runtime.rlhf.ppo;

import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.Example;
import ai.finetune.runtime.training.Examples;
import ai.finetune.runtime.training.PretrainData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pretraining text for PPO-ptx and for measuring the alignment tax: documents packed into one token stream (each
 * followed by END_OF_TEXT) and cut into windows of {@code seqLen + 1} tokens at stride {@code seqLen}; every 20th
 * window is held out for the pretraining validation loss. Sources in the pretraining formats (a prepare-corpus
 * folder with train.jsonl/val.jsonl, or a {@code .jsonl} of {@code {"text": ..}} lines) are read by
 * {@link PretrainData} as pretrain reads them; a plain text file, or a folder of raw {@code .py}, {@code .txt} and
 * {@code .md} files (read in name order, at most {@code maxChars} characters) are cut here.
 */
public final class PtxData {
    public record Split(Examples train, Examples val, long tokens) {}

    public static Split load(Path source, Tokenizer tok, int seqLen, long maxChars) throws IOException {
        if (source.toString().endsWith(".jsonl") || Files.isRegularFile(source.resolve("train.jsonl"))) {
            // the pretraining corpus format (prepare-corpus output or {"text"} lines): read as pretrain does
            PretrainData.Split p = PretrainData.load(source, null, tok, seqLen);
            if (p.val() == null || p.val().size() == 0) {
                throw new IOException(source + ": no validation windows of " + (seqLen + 1) + " tokens");
            }
            return new Split(p.train(), p.val(), p.trainTokens() + p.valTokens());
        }
        List<String> docs = documents(source, maxChars);
        List<Integer> stream = new ArrayList<>();
        for (String d : docs) {
            for (int id : tok.encode(d)) {
                stream.add(id);
            }
            stream.add(tok.endOfTextId());
        }
        List<Example> train = new ArrayList<>();
        List<Example> val = new ArrayList<>();
        int w = 0;
        for (int s = 0; s + seqLen + 1 <= stream.size(); s += seqLen, w++) {
            int[] ids = new int[seqLen + 1];
            for (int i = 0; i <= seqLen; i++) {
                ids[i] = stream.get(s + i);
            }
            float[] weights = new float[seqLen];
            Arrays.fill(weights, 1f);
            (w % 20 == 19 ? val : train).add(new Example(ids, weights));
        }
        if (train.isEmpty() || val.isEmpty()) {
            throw new IOException(source + ": " + stream.size() + " tokens give " + train.size() + " training and "
                    + val.size() + " validation windows of " + (seqLen + 1) + " tokens; need at least 1 of each");
        }
        return new Split(Examples.of(train), Examples.of(val), stream.size());
    }

    static List<String> documents(Path source, long maxChars) throws IOException {
        List<String> docs = new ArrayList<>();
        long chars = 0;
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(source)) {
                files = s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".py") || n.endsWith(".txt") || n.endsWith(".md");
                }).sorted().toList();
            }
            for (Path f : files) {
                if (chars >= maxChars) {
                    break;
                }
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (java.nio.charset.MalformedInputException e) {
                    continue; // not UTF-8 text: skipped
                }
                docs.add(text);
                chars += text.length();
            }
        } else {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            docs.add(text.length() > maxChars ? text.substring(0, (int) maxChars) : text);
        }
        if (docs.isEmpty()) {
            throw new IOException(source + ": no pretraining text (.jsonl with \"text\", a text file, or a folder of "
                    + ".py/.txt/.md files)");
        }
        return docs;
    }

    private PtxData() {}
}
