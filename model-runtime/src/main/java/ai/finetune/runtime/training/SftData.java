package ai.finetune.runtime.training;

import ai.finetune.runtime.tokenizer.Tokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Supervised finetuning pairs: lines {@code {"prompt": .., "response": ..}} ({@code completion} is accepted for
 * {@code response}). Sequence = prompt tokens + RESPONSE + response tokens + END_OF_TEXT; the loss counts the
 * predictions of the response tokens and the end-of-text only. A pair longer than {@code seqLen + 1} loses
 * prompt tokens from the left first, then response tokens from the right. Every 20th pair is held out for
 * validation unless a separate validation file is given.
 */
public final class SftData {
    public record Split(Examples train, Examples val, int truncated) {}

    public static Split load(Path data, Path valData, Tokenizer tokenizer, int seqLen) throws IOException {
        Parsed parsed = examples(data, tokenizer, seqLen);
        List<Example> all = parsed.examples();
        int truncated = parsed.truncated();
        List<Example> train = new ArrayList<>();
        List<Example> val = new ArrayList<>();
        if (valData != null) {
            train = all;
            val = examples(valData, tokenizer, seqLen).examples();
        } else {
            for (int i = 0; i < all.size(); i++) {
                (all.size() >= 2 && i % PretrainData.HOLD_OUT_EVERY == PretrainData.HOLD_OUT_EVERY - 1 ? val : train)
                        .add(all.get(i));
            }
            if (val.isEmpty() && train.size() >= 2) { // fewer than 20 pairs: still measure on one
                val.add(train.remove(train.size() - 1));
            }
        }
        if (train.isEmpty()) {
            throw new IOException(data + ": no prompt/response pairs");
        }
        return new Split(Examples.of(train), val.isEmpty() ? null : Examples.of(val), truncated);
    }

    /** Examples of one file and how many were cut to fit seqLen + 1. */
    record Parsed(List<Example> examples, int truncated) {}

    static Parsed examples(Path file, Tokenizer tokenizer, int seqLen) throws IOException {
        List<JsonNode> nodes = JsonLines.read(file);
        List<Example> out = new ArrayList<>(nodes.size());
        int truncated = 0;
        for (int i = 0; i < nodes.size(); i++) {
            String prompt = JsonLines.text(nodes.get(i), file, i, "prompt");
            String response = JsonLines.text(nodes.get(i), file, i, "response", "completion");
            int[] p = tokenizer.encode(prompt);
            int[] r = tokenizer.encode(response);
            Example e = example(p, r, tokenizer, seqLen);
            if (e.tokens().length < p.length + r.length + 2) {
                truncated++;
            }
            out.add(e);
        }
        return new Parsed(out, truncated);
    }

    /** prompt + RESPONSE + response + END_OF_TEXT with weights on the response and end-of-text targets. */
    public static Example example(int[] prompt, int[] response, Tokenizer tokenizer, int seqLen) {
        int max = seqLen + 1;
        int[] p = prompt;
        int[] r = response;
        if (p.length + r.length + 2 > max) {
            int keepPrompt = Math.max(0, max - r.length - 2);
            p = Arrays.copyOfRange(p, p.length - keepPrompt, p.length);
            if (p.length + r.length + 2 > max) {
                r = Arrays.copyOf(r, max - p.length - 2);
            }
        }
        int[] tokens = new int[p.length + r.length + 2];
        System.arraycopy(p, 0, tokens, 0, p.length);
        tokens[p.length] = tokenizer.responseId();
        System.arraycopy(r, 0, tokens, p.length + 1, r.length);
        tokens[tokens.length - 1] = tokenizer.endOfTextId();
        float[] w = new float[tokens.length - 1];
        // prediction j is of tokens[j + 1]; response tokens start at index p.length + 1
        for (int j = p.length; j < w.length; j++) {
            w[j] = 1f;
        }
        return new Example(tokens, w);
    }

    private SftData() {}
}
