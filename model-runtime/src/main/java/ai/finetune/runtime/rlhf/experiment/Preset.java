package ai.finetune.runtime.rlhf.experiment;

/**
 * Sizes of one instructgpt-mini run.
 *
 * @param name          preset name
 * @param sftDemos      sloppy demonstrations for SFT
 * @param sftSteps      SFT optimizer steps (batch 8)
 * @param sftLr         SFT peak learning rate (cosine to 10%, no warmup)
 * @param rmPrompts     prompts whose K = 4..9 SFT samples the simulated labeler ranks for RM training
 * @param rmValPrompts  ranked prompts held out for RM validation accuracy
 * @param rmEpochs      RM epochs (InstructGPT: 1; a few-MB RM on a few hundred rankings needs more: at 1 epoch
 *                      and lr 1e-4 it stayed at chance, at 8 epochs and 1e-3 it reached 0.69 on 250 rankings)
 * @param rmLr          RM learning rate
 * @param ppoIterations PPO iterations (32 episodes each)
 * @param ppoLr         policy learning rate
 * @param evalSamples   held-out comparisons per win rate
 * @param ptxMaxChars   pretraining text read for ptx and the pretraining loss
 * @param ptxCoef       gamma_ptx of the PPO-ptx run (paper 27.8)
 * @param klCoef        beta of both PPO runs (paper 0.02)
 * @param missingEosPenalty subtracted from the RM score of responses that never end (see PpoConfig)
 */
public record Preset(String name, int sftDemos, int sftSteps, double sftLr, int rmPrompts, int rmValPrompts,
                     int rmEpochs, double rmLr, int ppoIterations, double ppoLr, int evalSamples, long ptxMaxChars,
                     double ptxCoef, double klCoef, double missingEosPenalty) {
    /** Under 10 minutes on a quiet 2-core CPU with the d128 L4 base. */
    public static Preset quick() {
        return new Preset("quick", 400, 300, 1e-3, 160, 40, 4, 1e-3, 30, 5e-5, 200, 600_000, 27.8, 0.02, 2.0);
    }

    /** Under 30 minutes on a quiet 2-core CPU with the d128 L4 base. */
    public static Preset full() {
        return new Preset("full", 1000, 600, 1e-3, 400, 100, 4, 1e-3, 60, 5e-5, 400, 2_000_000, 27.8, 0.02, 2.0);
    }

    public static Preset named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (quick or full)");
        };
    }
}
