package ai.finetune.labeling;

import java.time.Duration;

/**
 * The queue's knobs, with the defaults of issue 6: a 30-minute lease, 10% of items to 3 labelers.
 * System properties override them (the launcher maps PORTAL_* variables to properties):
 * {@code portal.labeling.leaseSeconds}, {@code portal.labeling.overlapFraction},
 * {@code portal.labeling.overlapLabelers}, {@code portal.labeling.maxPromptsPerLabeler}.
 */
public record LabelingSettings(Duration lease, double overlapFraction, int overlapLabelers, int maxPromptsPerLabeler) {

    public static final LabelingSettings DEFAULTS = new LabelingSettings(Duration.ofMinutes(30), 0.10, 3, 200);

    public LabelingSettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        if (overlapFraction < 0 || overlapFraction > 1) {
            throw new IllegalArgumentException("overlapFraction must be in [0, 1], got " + overlapFraction);
        }
        if (overlapLabelers < 2 || overlapLabelers > 10) {
            throw new IllegalArgumentException("overlapLabelers must be 2..10, got " + overlapLabelers);
        }
        if (maxPromptsPerLabeler < 1) {
            throw new IllegalArgumentException("maxPromptsPerLabeler must be at least 1, got " + maxPromptsPerLabeler);
        }
    }

    public static LabelingSettings fromSystemProperties() {
        return new LabelingSettings(
                Duration.ofSeconds(Long.getLong("portal.labeling.leaseSeconds", DEFAULTS.lease.toSeconds())),
                Double.parseDouble(System.getProperty("portal.labeling.overlapFraction", String.valueOf(DEFAULTS.overlapFraction))),
                Integer.getInteger("portal.labeling.overlapLabelers", DEFAULTS.overlapLabelers),
                Integer.getInteger("portal.labeling.maxPromptsPerLabeler", DEFAULTS.maxPromptsPerLabeler));
    }
}
