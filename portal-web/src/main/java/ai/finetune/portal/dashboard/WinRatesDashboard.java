package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.Judgement;
import ai.finetune.runtime.eval.stats.PercentileBootstrap;
import ai.finetune.runtime.eval.stats.WinRate;
import ai.finetune.runtime.eval.stats.WinRates;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Win rates of every model against a chosen baseline from the labelers' blind A/B judgements (InstructGPT Figure 1):
 * overall with 95% Wilson and bootstrap intervals, and per prompt category. Ties and "both bad" count half (the
 * convention of {@code ai.finetune.runtime.eval.stats}: neither response was preferred).
 */
public final class WinRatesDashboard {
    public static final String NAME = "win-rates";
    public static final String BOTH_BAD_RULE = "\"both bad\" counts as a tie (1/2): neither response was preferred";

    private WinRatesDashboard() {}

    /**
     * @param baseline the baseline model; null or blank picks the model with the most judgements (alphabetically
     *                 first among equals)
     * @throws IllegalArgumentException if {@code baseline} names no judged model
     */
    public static Dashboard build(DashboardRepository.AbJudgements ab, String baseline) {
        List<Judgement> judgements = ab.judgements();
        List<String> models = models(judgements);
        Map<String, Object> info = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        String chosen = baseline == null || baseline.isBlank() ? defaultBaseline(judgements) : baseline;
        if (chosen != null && !models.contains(chosen)) {
            throw new IllegalArgumentException("baseline '" + chosen + "' has no A/B judgements; judged models: "
                    + (models.isEmpty() ? "none" : String.join(", ", models)));
        }
        info.put("baseline", chosen);
        info.put("models", models);
        info.put("judgements", judgements.size());
        info.put("sameModelItemsSkipped", ab.sameModelSkipped());
        info.put("bothBad", BOTH_BAD_RULE);
        info.put("bootstrapSamples", PercentileBootstrap.DEFAULT_SAMPLES);
        info.put("seed", PercentileBootstrap.DEFAULT_SEED);
        List<WinRate> rows = chosen == null ? List.of()
                : WinRates.against(judgements, chosen, PercentileBootstrap.DEFAULT_SAMPLES, PercentileBootstrap.DEFAULT_SEED);
        List<WinRate> overall = rows.stream().filter(r -> r.category().equals(WinRates.ALL_CATEGORIES))
                .sorted(Comparator.comparing(WinRate::model)).toList();
        List<WinRate> byCategory = rows.stream().filter(r -> !r.category().equals(WinRates.ALL_CATEGORIES))
                .sorted(Comparator.comparing(WinRate::category).thenComparing(WinRate::model)).toList();
        if (judgements.isEmpty()) {
            String why = "No A/B judgements yet: an admin creates AB labeling items (two models' outputs for one "
                    + "prompt), and labelers judge them under Labeling > Compare responses.";
            missing.put("win-rates", why);
            missing.put("by-category", why);
        }
        return new Dashboard(NAME, info, List.of(
                new Table<>("win-rates", "Win rate against the baseline", WinRate.class, overall),
                new Table<>("by-category", "Win rate by prompt category", WinRate.class, byCategory)), missing);
    }

    static List<String> models(List<Judgement> judgements) {
        TreeSet<String> models = new TreeSet<>();
        for (Judgement j : judgements) {
            models.add(j.modelA());
            models.add(j.modelB());
        }
        return List.copyOf(models);
    }

    /** The model in the most judgements: the one every other model is most likely compared with. */
    static String defaultBaseline(List<Judgement> judgements) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Judgement j : judgements) {
            counts.merge(j.modelA(), 1, Integer::sum);
            counts.merge(j.modelB(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    }
}
