package ai.finetune.runtime.training;

import ai.finetune.runtime.tokenizer.Tokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Causal-LM data: documents tokenized and packed into one stream (each followed by end-of-text), cut into
 * windows of {@code seqLen + 1} tokens at stride {@code seqLen}. {@code --data=DIR} reads {@code train.jsonl}
 * and {@code val.jsonl} (what prepare-corpus writes); {@code --data=FILE.jsonl} holds out every 20th document
 * for validation. Each line is {@code {"text": ...}}.
 */
public final class PretrainData {
    public static final int HOLD_OUT_EVERY = 20;

    public record Split(Examples train, Examples val, long trainTokens, long valTokens, int trainDocs, int valDocs) {}

    /** @param valData a separate validation file, or null */
    public static Split load(Path data, Path valData, Tokenizer tokenizer, int seqLen) throws IOException {
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        if (Files.isDirectory(data)) {
            Path t = data.resolve("train.jsonl");
            Path v = data.resolve("val.jsonl");
            if (!Files.isRegularFile(t)) {
                throw new NoSuchFileException(data + ": no train.jsonl (expected prepare-corpus output)");
            }
            train = texts(t);
            if (Files.isRegularFile(v)) {
                val = texts(v);
            }
        } else if (valData != null) {
            train = texts(data);
            val = texts(valData);
        } else {
            List<String> all = texts(data);
            for (int i = 0; i < all.size(); i++) {
                (all.size() >= 2 && i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 ? val : train).add(all.get(i));
            }
            if (val.isEmpty() && all.size() >= 2) {
                val.add(train.remove(train.size() - 1));
            }
        }
        int[] trainIds = pack(train, tokenizer);
        int[] valIds = pack(val, tokenizer);
        Examples tr = windows(trainIds, seqLen);
        if (tr.size() == 0) {
            throw new IOException(data + ": only " + trainIds.length + " training tokens, fewer than one sequence of "
                    + (seqLen + 1));
        }
        Examples va = valIds.length > seqLen ? windows(valIds, seqLen) : null;
        return new Split(tr, va, trainIds.length, valIds.length, train.size(), val.size());
    }

    private static List<String> texts(Path file) throws IOException {
        List<JsonNode> nodes = JsonLines.read(file);
        List<String> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            out.add(JsonLines.text(nodes.get(i), file, i, "text"));
        }
        return out;
    }

    /** Tokens of every document, each followed by end-of-text. */
    static int[] pack(List<String> docs, Tokenizer tokenizer) {
        int[] buf = new int[1 << 16];
        int n = 0;
        for (String d : docs) {
            int[] ids = tokenizer.encode(d);
            if (n + ids.length + 1 > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + ids.length + 1));
            }
            System.arraycopy(ids, 0, buf, n, ids.length);
            n += ids.length;
            buf[n++] = tokenizer.endOfTextId();
        }
        return Arrays.copyOf(buf, n);
    }

    /** Windows of seqLen + 1 tokens at stride seqLen (the last token of one is the first of the next). */
    static Examples windows(int[] ids, int seqLen) {
        int count = ids.length > seqLen ? (ids.length - 1) / seqLen : 0;
        float[] ones = new float[seqLen];
        Arrays.fill(ones, 1f);
        return new Examples() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public Example get(int index) {
                int s = index * seqLen;
                return new Example(Arrays.copyOfRange(ids, s, s + seqLen + 1), ones);
            }
        };
    }

    private PretrainData() {}
}
