package ai.finetune.runtime.rlhf.reward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

/**
 * InstructGPT's reward-model loss, {@code -sum_pairs weight * log sigmoid(r_w - r_l)}. DJL has no logSigmoid:
 * {@code log sigmoid(z) = -softplus(-z)} (PyTorch's softplus is stable for large |z|).
 *
 * <p>K-way batching gives every pair of one ranking the weight {@code 1 / (pairs of that ranking * rankings in
 * the batch)}: the C(K, 2) pairs form one batch element. Shuffled pairs give each pair {@code 1 / pairs in the
 * batch}. Only NDArray-NDArray ops: safe inside a GradientCollector.
 */
public final class RewardLoss {
    /**
     * @param scores  (N) reward of each sequence of the batch
     * @param winners index into scores of each pair's preferred response
     * @param losers  index into scores of each pair's other response
     * @param weights each pair's weight
     * @return scalar loss
     */
    public static NDArray pairwise(NDArray scores, int[] winners, int[] losers, float[] weights) {
        NDManager m = scores.getManager();
        NDArray rw = scores.gather(index(m, winners), 0); // (P)
        NDArray rl = scores.gather(index(m, losers), 0); // (P)
        NDArray z = rw.sub(rl);
        NDArray nll = Activation.softPlus(z.neg()); // -log sigmoid(z)
        return nll.mul(m.create(weights)).sum();
    }

    private static NDArray index(NDManager m, int[] idx) {
        long[] l = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            l[i] = idx[i];
        }
        return m.create(l).toType(DataType.INT64, false);
    }

    private RewardLoss() {}
}
