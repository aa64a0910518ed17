package ai.finetune.runtime.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Optimisation settings of one training run (pretraining or SFT). The two factories hold the defaults; the CLI
 * overrides single fields with {@code --key=value} of the same name.
 *
 * @param learningRate       peak learning rate, reached after warmup
 * @param minLrRatio         cosine decay ends at {@code learningRate * minLrRatio} at {@code maxSteps}
 * @param warmupSteps        linear warmup from 0
 * @param maxSteps           optimizer steps in the whole run
 * @param batchSize          sequences per micro-batch
 * @param gradAccum          micro-batches per optimizer step (gradient accumulation)
 * @param seqLen             tokens per training sequence (at most the model's context)
 * @param weightDecay        decoupled AdamW decay on the attention/MLP weight matrices only
 * @param beta1              Adam beta1
 * @param beta2              Adam beta2
 * @param eps                Adam epsilon
 * @param gradClip           global gradient norm clip (0 = off)
 * @param evalInterval       steps between validation-loss measurements (0 = only at the end)
 * @param evalBatches        validation micro-batches per measurement
 * @param checkpointInterval steps between checkpoints (0 = only at the end or on stop)
 * @param seed               every random draw (init, data order, dropout) is a function of (seed, step)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainConfig(
        double learningRate,
        double minLrRatio,
        int warmupSteps,
        int maxSteps,
        int batchSize,
        int gradAccum,
        int seqLen,
        double weightDecay,
        double beta1,
        double beta2,
        double eps,
        double gradClip,
        int evalInterval,
        int evalBatches,
        int checkpointInterval,
        long seed) {

    /**
     * Pretraining: Codex's Adam (0.9, 0.95, eps 1e-8), weight decay 0.1, linear warmup then cosine decay (to 10%).
     * Codex warmed up for 175 steps of a long run; our runs are a few thousand steps, so the default warmup is
     * 100. The peak rate 1e-3 suits a d128 model (nanoGPT's small character model uses the same).
     */
    public static TrainConfig pretrainDefaults() {
        return new TrainConfig(1e-3, 0.1, 100, 2000, 16, 1, 128, 0.1, 0.9, 0.95, 1e-8, 1.0, 100, 8, 500, 1337);
    }

    /**
     * SFT: InstructGPT's cosine decay to 10% with no warmup. InstructGPT used lr 9.65e-6 for 1.3B/6B models; a
     * few-MB model barely moves at that rate in a few hundred steps, so the default here is 1e-4 (larger models
     * take smaller rates; pass {@code --learningRate=9.65e-6} to follow the paper). Residual dropout 0.2 is set on
     * the model config by the SFT command ({@link #SFT_DROPOUT}).
     */
    public static TrainConfig sftDefaults() {
        return new TrainConfig(1e-4, 0.1, 0, 300, 8, 1, 256, 0.1, 0.9, 0.95, 1e-8, 1.0, 50, 8, 100, 1337);
    }

    /** InstructGPT's residual dropout for SFT. */
    public static final double SFT_DROPOUT = 0.2;

    public TrainConfig {
        require(learningRate > 0, "learningRate must be > 0, got " + learningRate);
        require(minLrRatio >= 0 && minLrRatio <= 1, "minLrRatio must be in [0, 1], got " + minLrRatio);
        require(warmupSteps >= 0, "warmupSteps must be >= 0, got " + warmupSteps);
        require(maxSteps > 0, "maxSteps must be > 0, got " + maxSteps);
        require(batchSize > 0, "batchSize must be > 0, got " + batchSize);
        require(gradAccum > 0, "gradAccum must be > 0, got " + gradAccum);
        require(seqLen > 1, "seqLen must be > 1, got " + seqLen);
        require(weightDecay >= 0, "weightDecay must be >= 0, got " + weightDecay);
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "beta1 and beta2 must be in [0, 1)");
        require(eps > 0, "eps must be > 0");
        require(gradClip >= 0, "gradClip must be >= 0, got " + gradClip);
        require(evalInterval >= 0 && evalBatches > 0, "evalInterval must be >= 0 and evalBatches > 0");
        require(checkpointInterval >= 0, "checkpointInterval must be >= 0");
    }

    /** Learning rate of optimizer step {@code step} (0-based): linear warmup, then cosine to minLrRatio. */
    public double learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double min = learningRate * minLrRatio;
        int decaySteps = Math.max(1, maxSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        return min + 0.5 * (learningRate - min) * (1 + Math.cos(Math.PI * progress));
    }

    public int tokensPerStep() {
        return batchSize * gradAccum * seqLen;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("TrainConfig: " + message);
        }
    }
}
