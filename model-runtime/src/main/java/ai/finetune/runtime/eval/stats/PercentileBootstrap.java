package ai.finetune.runtime.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The percentile bootstrap: resample the n observations with replacement B times, recompute the statistic on each
 * resample, and take the 2.5% and 97.5% quantiles of the B values as the 95% interval. Quantiles interpolate
 * linearly between order statistics (position q(B-1) in the sorted values, "type 7", the default of R and NumPy).
 *
 * <p>Seeded with {@link SplittableRandom}, so the same data and seed give the same interval on every JVM.
 */
public final class PercentileBootstrap {
    /** The number of resamples used unless told otherwise. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** The seed used unless told otherwise. */
    public static final long DEFAULT_SEED = 20260101L;

    private PercentileBootstrap() {}

    /** A 95% percentile interval of the mean of {@code values}, from {@code samples} resamples. */
    public static Interval meanInterval(double[] values, int samples, long seed) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot bootstrap an empty sample");
        }
        checkSamples(samples);
        SplittableRandom random = new SplittableRandom(seed);
        int n = values.length;
        double[] means = new double[samples];
        for (int b = 0; b < samples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        return percentiles(means);
    }

    /**
     * Indices of one resample with replacement of {@code n} observations.
     */
    public static int[] resampleIndices(int n, SplittableRandom random) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = random.nextInt(n);
        }
        return idx;
    }

    /** A 95% interval of any statistic of the observations' indices (the statistic reads the resampled indices). */
    public static Interval interval(int n, ToDoubleFunction<int[]> statistic, int samples, long seed) {
        checkSamples(samples);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[samples];
        for (int b = 0; b < samples; b++) {
            values[b] = statistic.applyAsDouble(resampleIndices(n, random));
        }
        return percentiles(values);
    }

    /** The 2.5% and 97.5% quantiles of the bootstrap values (the array is sorted in place). */
    public static Interval percentiles(double[] bootstrapValues) {
        Arrays.sort(bootstrapValues);
        return new Interval(quantile(bootstrapValues, 0.025), quantile(bootstrapValues, 0.975));
    }

    /** The q-quantile of sorted values, interpolating linearly at position q(B-1). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    static void checkSamples(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("the bootstrap needs at least 2 resamples, got " + samples);
        }
    }
}
