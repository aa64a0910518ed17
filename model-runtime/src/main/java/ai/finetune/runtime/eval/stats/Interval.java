package ai.finetune.runtime.eval.stats;

/** A two-sided confidence interval {@code [low, high]}. */
public record Interval(double low, double high) {
    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    public double width() {
        return high - low;
    }
}
