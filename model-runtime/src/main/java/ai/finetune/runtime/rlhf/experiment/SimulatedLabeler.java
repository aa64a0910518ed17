package ai.finetune.runtime.rlhf.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A noisy labeler: ranks responses by the hidden utility plus Gaussian noise of standard deviation sigma (a
 * Thurstone model). Two such labelers agree on a pair with a probability that falls as sigma grows; {@link
 * #calibrate} picks sigma so that the agreement over the actual response pairs is the target (InstructGPT's
 * inter-labeler agreement, 72.6%). Exactly tied utilities form tied groups when sigma is 0 and are otherwise
 * ordered by the noise alone.
 */
public final class SimulatedLabeler {
    private final double sigma;

    public SimulatedLabeler(double sigma) {
        this.sigma = sigma;
    }

    public double sigma() {
        return sigma;
    }

    /** Best-first groups of indices into {@code utilities}. */
    public int[][] rank(double[] utilities, Random r) {
        int k = utilities.length;
        double[] noisy = new double[k];
        for (int i = 0; i < k; i++) {
            noisy[i] = utilities[i] + sigma * r.nextGaussian();
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -noisy[i]));
        List<int[]> groups = new ArrayList<>();
        int i = 0;
        while (i < k) {
            int j = i;
            while (j + 1 < k && noisy[order[j + 1]] == noisy[order[i]]) {
                j++;
            }
            int[] g = new int[j - i + 1];
            for (int x = i; x <= j; x++) {
                g[x - i] = order[x];
            }
            groups.add(g);
            i = j + 1;
        }
        return groups.toArray(new int[0][]);
    }

    /**
     * Probability that two independent labelers with this sigma order a pair the same way, averaged over the
     * pairs {@code (a, b)} of utilities (Monte Carlo with {@code draws} per pair, fixed seed).
     */
    public static double agreement(List<double[]> pairs, double sigma, int draws, long seed) {
        Random r = new Random(seed);
        double agree = 0;
        long n = 0;
        for (double[] p : pairs) {
            for (int d = 0; d < draws; d++) {
                double d1 = p[0] - p[1] + sigma * (r.nextGaussian() - r.nextGaussian());
                double d2 = p[0] - p[1] + sigma * (r.nextGaussian() - r.nextGaussian());
                agree += Math.signum(d1) == Math.signum(d2) ? 1 : 0;
                n++;
            }
        }
        return agree / n;
    }

    /** Sigma in [0, 10] whose agreement is closest to {@code target} (bisection; agreement falls with sigma). */
    public static double calibrate(List<double[]> pairs, double target, long seed) {
        double lo = 0;
        double hi = 10;
        if (agreement(pairs, 1e-9, 20, seed) <= target) {
            return 1e-9; // the utilities' own ties already keep agreement below the target
        }
        for (int it = 0; it < 30; it++) {
            double mid = (lo + hi) / 2;
            if (agreement(pairs, mid, 20, seed) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
