package ai.finetune.runtime.rlhf;

import ai.finetune.runtime.eval.stats.WilsonInterval;

/**
 * A rate with its 95% Wilson score interval ({@link WilsonInterval}), as the RLHF reports print it. Ties count as
 * half a success.
 *
 * @param rate    successes / n
 * @param ciLow   lower end of the 95% interval
 * @param ciHigh  upper end of the 95% interval
 * @param n       trials
 */
public record Proportion(double rate, double ciLow, double ciHigh, long n) {
    /** The rate with the shared 95% Wilson interval of {@code eval.stats}. */
    public static Proportion wilson(double successes, long n) {
        if (n <= 0) {
            return new Proportion(Double.NaN, 0, 1, 0);
        }
        ai.finetune.runtime.eval.stats.Interval ci = WilsonInterval.of(successes, (int) n);
        return new Proportion(successes / n, ci.low(), ci.high(), n);
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
