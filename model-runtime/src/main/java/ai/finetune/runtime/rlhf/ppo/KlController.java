package ai.finetune.runtime.rlhf.ppo;

/**
 * The KL coefficient beta. Fixed (InstructGPT, beta = 0.02) or adaptive (Ziegler et al. 2019): after each
 * iteration {@code beta *= 1 + clip(KL / target - 1, -0.2, 0.2) * episodes / horizon}, steering the mean KL per
 * episode toward {@code target}. Its value is part of a PPO checkpoint.
 */
public final class KlController {
    private final double target;
    private final int horizon;
    private double beta;

    /** @param target 0 = fixed coefficient */
    public KlController(double beta, double target, int horizon) {
        this.beta = beta;
        this.target = target;
        this.horizon = horizon;
    }

    public double beta() {
        return beta;
    }

    public void set(double value) {
        beta = value;
    }

    public boolean adaptive() {
        return target > 0;
    }

    /** Updates beta from the mean KL per episode of the last iteration. */
    public void update(double meanKl, int episodes) {
        if (!adaptive()) {
            return;
        }
        double error = Math.max(-0.2, Math.min(0.2, meanKl / target - 1));
        beta *= 1 + error * episodes / horizon;
    }
}
