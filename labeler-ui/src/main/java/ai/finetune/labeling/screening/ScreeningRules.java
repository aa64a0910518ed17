package ai.finetune.labeling.screening;

import ai.finetune.labeling.Agreement;

/**
 * How a screening attempt is decided (InstructGPT's soft cutoffs as defaults): flagging agreement and ranking
 * agreement each at least 75%, and the demonstration scored at least 6 of 7. A part without gold items does not
 * count. A failed automatic part decides at once (no admin needs to score the demonstration); otherwise the attempt
 * waits for the demonstration's score. Overridable with {@code portal.labeling.screening.agreement} and
 * {@code portal.labeling.screening.demoScore}.
 */
public record ScreeningRules(double minAgreement, int minDemoScore) {

    public static final ScreeningRules DEFAULTS = new ScreeningRules(0.75, 6);

    public ScreeningRules {
        if (minAgreement < 0 || minAgreement > 1) {
            throw new IllegalArgumentException("minAgreement must be in [0, 1], got " + minAgreement);
        }
        if (minDemoScore < 1 || minDemoScore > 7) {
            throw new IllegalArgumentException("minDemoScore must be 1..7, got " + minDemoScore);
        }
    }

    public static ScreeningRules fromSystemProperties() {
        return new ScreeningRules(
                Double.parseDouble(System.getProperty("portal.labeling.screening.agreement", String.valueOf(DEFAULTS.minAgreement))),
                Integer.getInteger("portal.labeling.screening.demoScore", DEFAULTS.minDemoScore));
    }

    /**
     * @param demoScore the admin's 1-7 score, or null when not scored yet
     * @param hasDemo   whether the test had a demonstration item
     */
    public ScreeningOutcome decide(Agreement.Tally flagging, Agreement.Tally ranking, boolean hasDemo, Integer demoScore) {
        if (failsAgreement(flagging) || failsAgreement(ranking)) {
            return ScreeningOutcome.FAILED;
        }
        if (!hasDemo) {
            return ScreeningOutcome.PASSED;
        }
        if (demoScore == null) {
            return ScreeningOutcome.PENDING;
        }
        return demoScore >= minDemoScore ? ScreeningOutcome.PASSED : ScreeningOutcome.FAILED;
    }

    private boolean failsAgreement(Agreement.Tally t) {
        return t.total() > 0 && t.rate() < minAgreement;
    }
}
