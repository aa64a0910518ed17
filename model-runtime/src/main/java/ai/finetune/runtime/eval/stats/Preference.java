package ai.finetune.runtime.eval.stats;

import java.util.Locale;

/** What a labeler chose between the two responses of a blind A/B comparison. */
public enum Preference {
    /** Response A is better. */
    A,
    /** Response B is better. */
    B,
    /** Both are about equally good. */
    TIE,
    /** Both are unacceptable; counted as a tie (see the package doc). */
    BOTH_BAD;

    /** The score of model A: 1 for a win, 0 for a loss, 1/2 for a tie or "both bad". */
    public double scoreForA() {
        return switch (this) {
            case A -> 1.0;
            case B -> 0.0;
            case TIE, BOTH_BAD -> 0.5;
        };
    }

    /**
     * Parses {@code A}, {@code B}, {@code tie} or {@code both_bad} (also {@code both-bad}, {@code bothBad}), any
     * case.
     *
     * @throws IllegalArgumentException naming the value and the accepted spellings
     */
    public static Preference parse(String text) {
        if (text != null) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (t.equals("BOTHBAD")) {
                t = "BOTH_BAD";
            }
            for (Preference p : values()) {
                if (p.name().equals(t)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("preference must be one of A, B, tie, both_bad; got '" + text + "'");
    }
}
