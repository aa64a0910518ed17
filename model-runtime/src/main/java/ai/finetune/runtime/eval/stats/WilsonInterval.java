package ai.finetune.runtime.eval.stats;

/**
 * The Wilson score interval for a proportion: the set of p for which a two-sided z-test of the observed proportion
 * against p does not reject. Unlike the Wald interval p&#770; &plusmn; z&radic;(p&#770;(1-p&#770;)/n) it stays
 * inside [0, 1] and keeps close to its nominal coverage for small n and for proportions near 0 or 1.
 *
 * <pre>
 *   centre    = (p&#770; + z&sup2;/(2n)) / (1 + z&sup2;/n)
 *   halfWidth = z / (1 + z&sup2;/n) * sqrt(p&#770;(1-p&#770;)/n + z&sup2;/(4n&sup2;))
 * </pre>
 *
 * <p>Win rates with ties: p&#770; is the mean score (wins + ties/2) / n, with n the number of judgements. A tie
 * scores 1/2, so the per-judgement variance is at most p(1-p) (the Bernoulli variance the formula assumes); with
 * ties the interval is therefore somewhat conservative (wider than needed), never too narrow.
 */
public final class WilsonInterval {
    /** The standard normal quantile for a two-sided 95% interval, &Phi;&#8315;&sup1;(0.975). */
    public static final double Z_95 = 1.959963984540054;

    /**
     * The 95% Wilson interval for {@code score} successes out of {@code n} trials.
     *
     * @param score successes; may be fractional (ties count 1/2)
     * @param n     trials, at least 1
     */
    public static Interval of(double score, int n) {
        return of(score, n, Z_95);
    }

    /** The Wilson interval for the normal quantile {@code z} (1.96 for 95%). */
    public static Interval of(double score, int n, double z) {
        if (n < 1) {
            throw new IllegalArgumentException("a Wilson interval needs at least one trial, got n=" + n);
        }
        if (score < 0 || score > n) {
            throw new IllegalArgumentException("score must lie in [0, n=" + n + "], got " + score);
        }
        double p = score / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // clamp rounding only: mathematically the bounds lie in [0, 1]
        return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half));
    }

    private WilsonInterval() {}
}
