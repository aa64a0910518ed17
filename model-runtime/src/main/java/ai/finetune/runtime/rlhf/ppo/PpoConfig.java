package ai.finetune.runtime.rlhf.ppo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * PPO / PPO-ptx settings. Paper values (InstructGPT, PAPERS.md) where they carry over to a CPU-sized run: beta 0.02,
 * gamma_ptx 27.8, GAE gamma 1 and lambda 0.95, clip 0.2 (policy and value), 1 inner epoch, rollout temperature 1,
 * constant learning rate after a 10-iteration warmup from 1/10, Adam (0.9, 0.95), EMA decay 0.992. Scaled down:
 * 32 episodes per iteration in minibatches of 8 (paper: 512 in 64), 4 pretraining sequences per minibatch (paper:
 * 8 pretraining examples per episode), learning rates for few-MB models (paper: 9.65e-6 policy, 9e-6 value).
 *
 * @param iterations          rollout + update rounds
 * @param promptsPerIteration prompts drawn per iteration (in a fixed seeded order over the prompt set)
 * @param samplesPerPrompt    responses sampled per prompt (one batch with a shared prefill)
 * @param maxNewTokens        longest response
 * @param temperature         rollout temperature (1 = sample from the policy itself)
 * @param minibatchSize       episodes per optimizer step
 * @param ppoEpochs           passes over one iteration's episodes
 * @param learningRate        policy learning rate after warmup
 * @param valueLearningRate   value-function learning rate after warmup
 * @param warmupIterations    linear warmup from 1/10 of the rates
 * @param klCoef              beta: per-token penalty on log(pi / pi_ref)
 * @param klTarget            adaptive controller's target KL per episode (0 = fixed beta)
 * @param klHorizon           adaptive controller's horizon in episodes
 * @param gamma               GAE discount
 * @param lambda              GAE lambda
 * @param clipRange           policy ratio clip
 * @param valueClip           value clip around the rollout-time values
 * @param whitenAdvantages    normalise advantages over each iteration's action tokens
 * @param ptxCoef             gamma_ptx: weight of the pretraining LM loss (0 = plain PPO)
 * @param ptxBatchSize        pretraining sequences per minibatch
 * @param ptxSeqLen           tokens per pretraining sequence
 * @param ema                 keep an EMA of the policy weights and export it
 * @param emaDecay            EMA decay
 * @param gradClip            global norm clip, per model (0 = off)
 * @param weightDecay         AdamW decay on block weight matrices
 * @param missingEosPenalty   subtracted from the score of a response cut at maxNewTokens without END_OF_TEXT (0 =
 *                            off; TRL's missing_eos_penalty): a reward model never shown unfinished responses
 *                            otherwise invites the policy to ramble past the end
 * @param logSamples          sample completions written to metrics.jsonl per iteration
 * @param checkpointInterval  iterations between checkpoints (0 = only at the end or on stop)
 * @param seed                every random draw is a function of (seed, iteration)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PpoConfig(int iterations, int promptsPerIteration, int samplesPerPrompt, int maxNewTokens,
                        double temperature, int minibatchSize, int ppoEpochs, double learningRate,
                        double valueLearningRate, int warmupIterations, double klCoef, double klTarget, int klHorizon,
                        double gamma, double lambda, double clipRange, double valueClip, boolean whitenAdvantages,
                        double ptxCoef, int ptxBatchSize, int ptxSeqLen, boolean ema, double emaDecay,
                        double gradClip, double weightDecay, double missingEosPenalty, int logSamples, int checkpointInterval, long seed) {
    public static PpoConfig defaults() {
        return new PpoConfig(20, 8, 4, 32, 1.0, 8, 1, 2e-5, 5e-5, 10, 0.02, 0, 10000, 1.0, 0.95, 0.2, 0.2, true,
                27.8, 4, 64, false, 0.992, 1.0, 0.0, 0.0, 3, 5, 1337);
    }

    public PpoConfig {
        require(iterations > 0 && promptsPerIteration > 0 && samplesPerPrompt > 0, "iterations, promptsPerIteration "
                + "and samplesPerPrompt must be > 0");
        require(maxNewTokens > 0, "maxNewTokens must be > 0");
        require(temperature > 0, "temperature must be > 0 (rollouts sample)");
        require(minibatchSize > 0 && ppoEpochs > 0, "minibatchSize and ppoEpochs must be > 0");
        require(learningRate > 0 && valueLearningRate > 0, "learning rates must be > 0");
        require(warmupIterations >= 0, "warmupIterations must be >= 0");
        require(klCoef >= 0 && klTarget >= 0 && klHorizon > 0, "klCoef, klTarget >= 0 and klHorizon > 0");
        require(gamma >= 0 && gamma <= 1 && lambda >= 0 && lambda <= 1, "gamma and lambda must be in [0, 1]");
        require(clipRange > 0 && valueClip > 0, "clipRange and valueClip must be > 0");
        require(ptxCoef >= 0, "ptxCoef must be >= 0");
        require(ptxBatchSize > 0 && ptxSeqLen > 1, "ptxBatchSize must be > 0 and ptxSeqLen > 1");
        require(emaDecay > 0 && emaDecay < 1, "emaDecay must be in (0, 1)");
        require(missingEosPenalty >= 0, "missingEosPenalty must be >= 0");
        require(gradClip >= 0 && weightDecay >= 0 && logSamples >= 0 && checkpointInterval >= 0,
                "gradClip, weightDecay, logSamples, checkpointInterval must be >= 0");
    }

    public int episodesPerIteration() {
        return promptsPerIteration * samplesPerPrompt;
    }

    /** Learning-rate multiplier of iteration {@code it} (0-based): from 0.1 up to 1 over the warmup, then 1. */
    public double warmup(int it) {
        if (warmupIterations == 0 || it >= warmupIterations) {
            return 1.0;
        }
        return 0.1 + 0.9 * it / warmupIterations;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("PpoConfig: " + message);
        }
    }
}
