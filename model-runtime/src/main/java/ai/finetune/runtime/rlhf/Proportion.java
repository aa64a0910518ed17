package ai.finetune.runtime.rlhf;

/**
 * A rate with its 95% Wilson score interval (Wilson 1927), which stays inside [0, 1] and behaves at small n and
 * rates near 0 or 1, unlike the normal approximation. Ties count as half a success.
 *
 * @param rate    successes / n
 * @param ciLow   lower end of the 95% interval
 * @param ciHigh  upper end of the 95% interval
 * @param n       trials
 */
public record Proportion(double rate, double ciLow, double ciHigh, long n) {
    private static final double Z95 = 1.959963984540054;

    public static Proportion wilson(double successes, long n) {
        if (n <= 0) {
            return new Proportion(Double.NaN, 0, 1, 0);
        }
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Proportion(p, Math.max(0, centre - half), Math.min(1, centre + half), n);
    }

    /** As a JSON-ready map with keys rate, ci_low, ci_high, n. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("rate", rate);
        m.put("ci_low", ciLow);
        m.put("ci_high", ciHigh);
        m.put("n", n);
        return m;
    }
}
