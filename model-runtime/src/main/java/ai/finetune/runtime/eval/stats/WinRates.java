package ai.finetune.runtime.eval.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Win rates of every model against one baseline, overall and per prompt category, as in InstructGPT's Figure 1
 * (win rate against the SFT baseline by model).
 *
 * <p>Judgements are treated as independent draws: the bootstrap resamples judgements (within the row's category),
 * not prompts. Each row is resampled with its own seed derived from the given seed, the model and the category,
 * so adding a model or a category does not change the intervals of the others.
 */
public final class WinRates {
    /** The category name of the row over all judgements. Parenthesised so it cannot clash with a prompt category. */
    public static final String ALL_CATEGORIES = "(all)";

    private WinRates() {}

    /**
     * Every model judged against {@code baseline}: its overall row, then one row per category in alphabetical
     * order. Models appear in the order of their first judgement against the baseline.
     *
     * @throws IllegalArgumentException if no judgement involves the baseline
     */
    public static List<WinRate> against(List<Judgement> judgements, String baseline, int bootstrapSamples, long seed) {
        Set<String> models = new LinkedHashSet<>();
        for (Judgement j : judgements) {
            if (j.modelA().equals(baseline)) {
                models.add(j.modelB());
            } else if (j.modelB().equals(baseline)) {
                models.add(j.modelA());
            }
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no judgement compares any model with the baseline '" + baseline + "'");
        }
        List<WinRate> rows = new ArrayList<>();
        for (String model : models) {
            rows.addAll(of(judgements, model, baseline, bootstrapSamples, seed));
        }
        return rows;
    }

    /** The rows of one model against the baseline: overall first, then per category (alphabetical). */
    public static List<WinRate> of(List<Judgement> judgements, String model, String baseline, int bootstrapSamples,
                                   long seed) {
        List<Judgement> pair = judgements.stream().filter(j -> j.between(model, baseline)).toList();
        if (pair.isEmpty()) {
            throw new IllegalArgumentException("no judgement compares '" + model + "' with '" + baseline + "'");
        }
        TreeMap<String, List<Judgement>> byCategory = new TreeMap<>();
        for (Judgement j : pair) {
            byCategory.computeIfAbsent(j.category(), c -> new ArrayList<>()).add(j);
        }
        List<WinRate> rows = new ArrayList<>();
        rows.add(row(pair, model, baseline, ALL_CATEGORIES, bootstrapSamples, seed));
        byCategory.forEach((category, list) -> rows.add(row(list, model, baseline, category, bootstrapSamples, seed)));
        return rows;
    }

    static WinRate row(List<Judgement> judgements, String model, String baseline, String category,
                       int bootstrapSamples, long seed) {
        int wins = 0;
        int losses = 0;
        int ties = 0;
        int bothBad = 0;
        double[] scores = new double[judgements.size()];
        for (int i = 0; i < scores.length; i++) {
            Judgement j = judgements.get(i);
            scores[i] = j.scoreFor(model);
            if (j.preference() == Preference.BOTH_BAD) {
                bothBad++;
            } else if (j.preference() == Preference.TIE) {
                ties++;
            } else if (scores[i] == 1.0) {
                wins++;
            } else {
                losses++;
            }
        }
        int n = scores.length;
        double score = wins + 0.5 * (ties + bothBad);
        Interval wilson = WilsonInterval.of(score, n);
        long rowSeed = rowSeed(seed, model, baseline, category);
        Interval boot = PercentileBootstrap.meanInterval(scores, bootstrapSamples, rowSeed);
        return new WinRate(model, baseline, category, n, wins, losses, ties, bothBad, score / n, wilson.low(),
                wilson.high(), boot.low(), boot.high(), bootstrapSamples, rowSeed);
    }

    /** A seed for one row: the given seed mixed with the row's names (SplitMix64 finaliser). */
    static long rowSeed(long seed, String model, String baseline, String category) {
        long z = seed ^ ((long) (model + '\u0000' + baseline + '\u0000' + category).hashCode() << 21);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
