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
 * @param rmEpochs      RM epochs (InstructGPT: 1; a few-MB RM on a few hundred rankings needs more)
 * @param rmLr          RM learning rate
 * @param ppoIterations PPO iterations (32 episodes each)
 * @param ppoLr         policy learning rate
 * @param evalSamples   held-out comparisons per win rate
 * @param ptxMaxChars   pretraining text read for ptx and the pretraining loss
 */
public record Preset(String name, int sftDemos, int sftSteps, double sftLr, int rmPrompts, int rmValPrompts,
                     int rmEpochs, double rmLr, int ppoIterations, double ppoLr, int evalSamples, long ptxMaxChars) {
    /** Under 10 minutes on a quiet 2-core CPU with the d128 L4 base. */
    public static Preset quick() {
        return new Preset("quick", 400, 120, 5e-4, 80, 32, 2, 1e-4, 16, 1e-4, 160, 600_000);
    }

    /** Under 30 minutes on a quiet 2-core CPU with the d128 L4 base. */
    public static Preset full() {
        return new Preset("full", 1000, 300, 5e-4, 240, 80, 2, 1e-4, 50, 1e-4, 400, 2_000_000);
    }

    public static Preset named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (quick or full)");
        };
    }
}
