package ai.finetune.runtime.rlhf.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * The PPO terms of InstructGPT's objective. Rollout-side quantities (per-token KL-penalised rewards, GAE,
 * whitening) are plain Java over one episode's action tokens; the losses are NDArray code over (B, T) arrays with a
 * 0/1 {@code mask} on the action positions, using only NDArray-NDArray ops (safe inside a GradientCollector).
 */
public final class PpoLosses {
    /**
     * Per-token rewards of one episode: {@code r_t = -beta * (log pi(a_t) - log pi_ref(a_t))}, and the reward
     * model's score added at the last action (InstructGPT's per-token KL penalty).
     */
    public static double[] tokenRewards(float[] logp, float[] refLogp, double score, double beta) {
        double[] r = new double[logp.length];
        for (int t = 0; t < r.length; t++) {
            r[t] = -beta * (logp[t] - refLogp[t]);
        }
        r[r.length - 1] += score;
        return r;
    }

    /**
     * Generalised advantage estimation over one episode that ends after its last action (value 0 beyond):
     * {@code delta_t = r_t + gamma V_{t+1} - V_t}, {@code A_t = delta_t + gamma lambda A_{t+1}}, returns
     * {@code A_t + V_t}.
     *
     * @return {advantages, returns}
     */
    public static double[][] gae(double[] rewards, double[] values, double gamma, double lambda) {
        int n = rewards.length;
        double[] adv = new double[n];
        double next = 0;
        double nextValue = 0;
        for (int t = n - 1; t >= 0; t--) {
            double delta = rewards[t] + gamma * nextValue - values[t];
            next = delta + gamma * lambda * next;
            adv[t] = next;
            nextValue = values[t];
        }
        double[] ret = new double[n];
        for (int t = 0; t < n; t++) {
            ret[t] = adv[t] + values[t];
        }
        return new double[][] {adv, ret};
    }

    /** Whitens all advantages of a batch in place: (a - mean) / (std + 1e-8), std with n - 1 (as TRL). */
    public static void whiten(List<double[]> advantages) {
        double sum = 0;
        long n = 0;
        for (double[] a : advantages) {
            for (double x : a) {
                sum += x;
                n++;
            }
        }
        double mean = sum / n;
        double sq = 0;
        for (double[] a : advantages) {
            for (double x : a) {
                sq += (x - mean) * (x - mean);
            }
        }
        double std = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
        for (double[] a : advantages) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (a[i] - mean) / (std + 1e-8);
            }
        }
    }

    /** Loss and diagnostics of the clipped surrogate; all scalars. */
    public record PolicyTerms(NDArray loss, NDArray clipFraction, NDArray approxKl) {}

    /**
     * PPO's clipped surrogate, {@code mean over actions of max(-A r, -A clip(r, 1 - c, 1 + c))} with
     * {@code r = exp(logp - oldLogp)}. Clip fraction: share of actions where the clipped term is the larger one.
     * Approximate KL: {@code mean 0.5 (logp - oldLogp)^2}.
     *
     * @param logp       (B, T) log-probabilities of the actions under the current policy (with gradient)
     * @param oldLogp    (B, T) at rollout time
     * @param advantages (B, T)
     * @param mask       (B, T) 1 on actions, 0 elsewhere
     */
    public static PolicyTerms policyLoss(NDArray logp, NDArray oldLogp, NDArray advantages, NDArray mask, double clip) {
        NDManager m = logp.getManager();
        NDArray logRatio = logp.sub(oldLogp);
        NDArray ratio = logRatio.exp();
        NDArray lo = m.create((float) (1 - clip));
        NDArray hi = m.create((float) (1 + clip));
        NDArray pg1 = advantages.neg().mul(ratio);
        NDArray pg2 = advantages.neg().mul(ratio.maximum(lo).minimum(hi));
        NDArray loss = maskedMean(pg1.maximum(pg2), mask);
        NDArray clipped = pg2.stopGradient().gt(pg1.stopGradient()).toType(DataType.FLOAT32, false);
        NDArray lr = logRatio.stopGradient();
        NDArray approxKl = maskedMean(lr.mul(lr).mul(m.create(0.5f)), mask);
        return new PolicyTerms(loss, maskedMean(clipped, mask), approxKl);
    }

    /**
     * Clipped value loss: {@code 0.5 mean max((V - R)^2, (V_old + clip(V - V_old, -c, c) - R)^2)}.
     *
     * @param values    (B, T) current value estimates (with gradient)
     * @param oldValues (B, T) at rollout time
     * @param returns   (B, T) GAE returns
     */
    public static NDArray valueLoss(NDArray values, NDArray oldValues, NDArray returns, NDArray mask, double clip) {
        NDManager m = values.getManager();
        NDArray c = m.create((float) clip);
        NDArray clipped = oldValues.add(values.sub(oldValues).maximum(c.neg()).minimum(c));
        NDArray l1 = values.sub(returns).square();
        NDArray l2 = clipped.sub(returns).square();
        return maskedMean(l1.maximum(l2), mask).mul(m.create(0.5f));
    }

    /** Mean of {@code x} over positions where mask is 1. */
    public static NDArray maskedMean(NDArray x, NDArray mask) {
        return x.mul(mask).sum().div(mask.sum());
    }

    private PpoLosses() {}
}
