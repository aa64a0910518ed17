package ai.finetune.runtime.training;

/**
 * One training sequence: {@code tokens} (length L + 1) and, for each of the L next-token predictions
 * {@code tokens[t] -> tokens[t + 1]}, a loss weight (1 = counts, 0 = masked: SFT prompt tokens, padding).
 */
public record Example(int[] tokens, float[] weights) {
    public Example {
        if (weights.length != tokens.length - 1) {
            throw new IllegalArgumentException("an example of " + tokens.length + " tokens needs "
                    + (tokens.length - 1) + " weights, got " + weights.length);
        }
    }

    /** Inputs of length L (the last token only ever is a target). */
    public int length() {
        return tokens.length - 1;
    }
}
