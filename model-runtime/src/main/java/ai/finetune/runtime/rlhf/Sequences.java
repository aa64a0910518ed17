package ai.finetune.runtime.rlhf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.util.Arrays;
import java.util.List;

/**
 * The token layout shared with SFT: {@code prompt + RESPONSE + response + END_OF_TEXT}. The reward model reads its
 * scalar at the END_OF_TEXT. Too long a pair loses prompt tokens from the left, then response tokens from the right.
 */
public final class Sequences {
    /** prompt + RESPONSE, cut from the left to at most {@code max} tokens. */
    public static int[] promptPart(int[] prompt, Tokenizer tok, int max) {
        int keep = Math.max(0, Math.min(prompt.length, max - 1));
        int[] out = new int[keep + 1];
        System.arraycopy(prompt, prompt.length - keep, out, 0, keep);
        out[keep] = tok.responseId();
        return out;
    }

    /** prompt + RESPONSE + response + END_OF_TEXT in at most {@code context} tokens. */
    public static int[] scored(int[] prompt, int[] response, Tokenizer tok, int context) {
        int[] r = response;
        if (r.length > 0 && r[r.length - 1] == tok.endOfTextId()) { // a sampled response may end with its EOS
            r = Arrays.copyOf(r, r.length - 1);
        }
        int keepPrompt = Math.max(0, Math.min(prompt.length, context - r.length - 2));
        if (keepPrompt + r.length + 2 > context) {
            r = Arrays.copyOf(r, context - keepPrompt - 2);
        }
        int[] out = new int[keepPrompt + r.length + 2];
        System.arraycopy(prompt, prompt.length - keepPrompt, out, 0, keepPrompt);
        out[keepPrompt] = tok.responseId();
        System.arraycopy(r, 0, out, keepPrompt + 1, r.length);
        out[out.length - 1] = tok.endOfTextId();
        return out;
    }

    public static int[] scored(String prompt, String response, Tokenizer tok, int context) {
        return scored(tok.encode(prompt), tok.encode(response), tok, context);
    }

    /** Rows right-padded with {@code pad} to the longest: (B, T) int64 in {@code m}. */
    public static NDArray padded(NDManager m, List<int[]> rows, int pad) {
        int t = 0;
        for (int[] r : rows) {
            t = Math.max(t, r.length);
        }
        long[][] out = new long[rows.size()][t];
        for (int i = 0; i < rows.size(); i++) {
            Arrays.fill(out[i], pad);
            int[] r = rows.get(i);
            for (int j = 0; j < r.length; j++) {
                out[i][j] = r[j];
            }
        }
        return GptModel.ids(m, out);
    }

    /** Index of each row's last token (what the reward model reads). */
    public static int[] lastIndices(List<int[]> rows) {
        int[] last = new int[rows.size()];
        for (int i = 0; i < last.length; i++) {
            last[i] = rows.get(i).length - 1;
        }
        return last;
    }

    private Sequences() {}
}
