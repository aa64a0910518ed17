package ai.finetune.runtime.rlhf.reward;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Reward-model training settings. InstructGPT: 1 epoch, lr 9e-6 with cosine decay to 10%, batch 64 prompts, all
 * C(K, 2) pairs of a ranking as one batch element. A model of a few MB barely moves at 9e-6 in the few dozen steps
 * one epoch gives here, so the default rate is 1e-4 (pass {@code --learningRate=9e-6} to follow the paper), and
 * the default batch is 8 rankings.
 *
 * @param learningRate  peak rate (no warmup, as the paper)
 * @param minLrRatio    cosine decay ends at learningRate * minLrRatio
 * @param epochs        passes over the training rankings
 * @param batchSize     rankings per optimizer step (K-way); shuffled pairs use the same number of steps per epoch
 * @param shuffledPairs train on individually shuffled pairs instead of whole rankings (the comparison InstructGPT
 *                      reports overfits)
 * @param weightDecay   AdamW decay on the block weight matrices
 * @param gradClip      global gradient-norm clip (0 = off)
 * @param valFraction   share of the rankings held out for validation when no validation file is given
 * @param evalInterval  steps between validation accuracies (0 = only at the end)
 * @param seed          data order and the scalar head's initialisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RewardConfig(double learningRate, double minLrRatio, int epochs, int batchSize, boolean shuffledPairs,
                           double weightDecay, double gradClip, double valFraction, int evalInterval, long seed) {
    public static RewardConfig defaults() {
        return new RewardConfig(1e-4, 0.1, 1, 8, false, 0.0, 1.0, 0.1, 0, 1337);
    }

    public RewardConfig {
        require(learningRate > 0, "learningRate must be > 0");
        require(minLrRatio >= 0 && minLrRatio <= 1, "minLrRatio must be in [0, 1]");
        require(epochs > 0, "epochs must be > 0");
        require(batchSize > 0, "batchSize must be > 0");
        require(weightDecay >= 0 && gradClip >= 0, "weightDecay and gradClip must be >= 0");
        require(valFraction >= 0 && valFraction < 1, "valFraction must be in [0, 1)");
        require(evalInterval >= 0, "evalInterval must be >= 0");
    }

    /** Cosine from learningRate to learningRate * minLrRatio over maxSteps, no warmup. */
    public double learningRateAt(int step, int maxSteps) {
        double min = learningRate * minLrRatio;
        double progress = maxSteps <= 1 ? 0 : Math.min(1.0, (double) step / (maxSteps - 1));
        return min + 0.5 * (learningRate - min) * (1 + Math.cos(Math.PI * progress));
    }

    public RewardConfig withShuffledPairs(boolean on) {
        return new RewardConfig(learningRate, minLrRatio, epochs, batchSize, on, weightDecay, gradClip, valFraction,
                evalInterval, seed);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("RewardConfig: " + message);
        }
    }
}
