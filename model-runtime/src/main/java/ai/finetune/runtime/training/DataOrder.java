package ai.finetune.runtime.training;

import java.util.Random;

/**
 * Which example the n-th sample of a run is: epochs of a permutation that depends only on (seed, epoch). A run's
 * data position is therefore one number (samples consumed), and a resumed run draws the same examples as an
 * uninterrupted one.
 */
public final class DataOrder {
    private final int size;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] permutation;

    public DataOrder(int size, long seed) {
        if (size <= 0) {
            throw new IllegalArgumentException("no training examples");
        }
        this.size = size;
        this.seed = seed;
    }

    /** Example index of sample {@code n} (0-based over the whole run). */
    public int index(long n) {
        long epoch = n / size;
        if (epoch != cachedEpoch) {
            permutation = permutation(epoch);
            cachedEpoch = epoch;
        }
        return permutation[(int) (n % size)];
    }

    /** Epoch of sample {@code n}. */
    public long epoch(long n) {
        return n / size;
    }

    private int[] permutation(long epoch) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        Random r = new Random(seed * 1_000_003L + epoch);
        for (int i = size - 1; i > 0; i--) { // Fisher-Yates
            int j = r.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
