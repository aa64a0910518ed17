package ai.finetune.runtime.eval.stats;

import java.util.Objects;

/**
 * One blind A/B judgement: a labeler saw the responses of {@code modelA} and {@code modelB} to the same prompt (in
 * an order hidden from them) and recorded a {@link Preference}. Lengths (any unit, e.g. tokens) are needed only by
 * the length-controlled leaderboard and may be {@code null} otherwise.
 *
 * @param prompt   the prompt's identifier (for reference; the statistics treat judgements as independent)
 * @param category the prompt's category, e.g. "generation" or "open QA"; {@code null} or blank becomes "uncategorized"
 */
public record Judgement(String prompt, String category, String modelA, String modelB, Preference preference,
                        Integer lengthA, Integer lengthB) {
    public static final String UNCATEGORIZED = "uncategorized";

    public Judgement {
        Objects.requireNonNull(preference, "preference");
        if (modelA == null || modelA.isBlank() || modelB == null || modelB.isBlank()) {
            throw new IllegalArgumentException("a judgement needs both model names, got '" + modelA + "' and '" + modelB + "'");
        }
        if (modelA.equals(modelB)) {
            throw new IllegalArgumentException("a judgement compares two different models, got '" + modelA + "' twice");
        }
        if ((lengthA != null && lengthA < 0) || (lengthB != null && lengthB < 0)) {
            throw new IllegalArgumentException("response lengths must be >= 0, got " + lengthA + " and " + lengthB);
        }
        category = category == null || category.isBlank() ? UNCATEGORIZED : category;
    }

    /** A judgement without lengths. */
    public Judgement(String prompt, String category, String modelA, String modelB, Preference preference) {
        this(prompt, category, modelA, modelB, preference, null, null);
    }

    /** Whether this judgement compares {@code model} with {@code other}, in either order. */
    public boolean between(String model, String other) {
        return (modelA.equals(model) && modelB.equals(other)) || (modelA.equals(other) && modelB.equals(model));
    }

    /** The score of {@code model} (one of the two compared): 1 win, 0 loss, 1/2 tie or both bad. */
    public double scoreFor(String model) {
        if (modelA.equals(model)) {
            return preference.scoreForA();
        }
        if (modelB.equals(model)) {
            return 1.0 - preference.scoreForA();
        }
        throw new IllegalArgumentException("model '" + model + "' is not in the judgement " + modelA + " vs " + modelB);
    }

    public boolean hasLengths() {
        return lengthA != null && lengthB != null;
    }
}
