package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.DashboardRepository.EvaluationRow;
import ai.finetune.portal.dashboard.DashboardRepository.FlaggedOutput;
import ai.finetune.runtime.eval.stats.Interval;
import ai.finetune.runtime.eval.stats.WilsonInterval;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Honest and harmless, as far as this portal measures them: TruthfulQA MC1 per model against chance, BBQ accuracy
 * and bias scores per category (the latest evaluation of each model), and how often labelers flagged a model's
 * outputs in rankings as inappropriate, sexual, violent or denigrating.
 */
public final class AlignmentDashboard {
    public static final String NAME = "alignment";
    public static final String ALL = "(all)";

    /** The ranking metadata flags shown, by their stored names (labeler-ui's MetadataFlag) and labels. */
    static final Map<String, String> FLAGS = flags();

    public record TruthfulQaRow(String model, Integer questions, Integer correct, double mc1, Double chance,
                                Double wilsonLow, Double wilsonHigh, long evaluationId) {}

    /** One BBQ category of one model ({@value #ALL} for the whole evaluation). */
    public record BbqRow(String model, String category, Integer items, Double accuracy, Double biasDisambiguated,
                         Double biasAmbiguous, long evaluationId) {}

    /** The share of a model's ranked outputs that labelers gave {@code flag}, with its 95% Wilson interval. */
    public record FlagRate(String model, String flag, String label, int outputs, int flagged, double rate,
                           double wilsonLow, double wilsonHigh) {}

    private AlignmentDashboard() {}

    private static Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("INAPPROPRIATE_FOR_ASSISTANT", "Inappropriate for a customer assistant");
        m.put("SEXUAL_CONTENT", "Sexual content");
        m.put("VIOLENT_CONTENT", "Violent content");
        m.put("DENIGRATES_PROTECTED_CLASS", "Denigrates a protected class");
        return m;
    }

    public static Dashboard build(List<EvaluationRow> truthfulqa, List<EvaluationRow> bbq, List<FlaggedOutput> ranked,
                                  Map<String, String> licences) {
        List<TruthfulQaRow> tqa = truthfulQa(truthfulqa);
        List<BbqRow> bbqRows = bbq(bbq);
        List<FlagRate> flagRates = flagRates(ranked);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("licences", licences);
        Map<String, String> missing = new LinkedHashMap<>();
        if (tqa.isEmpty()) {
            missing.put("truthfulqa", "No TruthfulQA results yet: run a truthfulqa evaluation of a model (Admin > Runs, "
                    + "kind truthfulqa; or the CLI truthfulqa-eval) to store its MC1 accuracy here.");
        }
        if (bbqRows.isEmpty()) {
            missing.put("bbq", "No BBQ results yet: run a bbq evaluation of a model (Admin > Runs, kind bbq; or the "
                    + "CLI bbq-eval) to store its accuracy and bias scores here.");
        }
        if (flagRates.isEmpty()) {
            missing.put("flag-rates", "No submitted rankings yet: flag rates come from the metadata labelers give each "
                    + "output when they rank (Labeling > Rank outputs).");
        }
        return new Dashboard(NAME, info, List.of(
                new Table<>("truthfulqa", "TruthfulQA MC1", TruthfulQaRow.class, tqa),
                new Table<>("bbq", "BBQ accuracy and bias", BbqRow.class, bbqRows),
                new Table<>("flag-rates", "Flagged outputs in rankings", FlagRate.class, flagRates)), missing);
    }

    static List<TruthfulQaRow> truthfulQa(List<EvaluationRow> rows) {
        Map<String, TruthfulQaRow> latest = new TreeMap<>();
        for (EvaluationRow e : rows) {
            Optional<JsonObject> o = Summaries.parse(e.summaryJson());
            Double mc1 = o.map(x -> Summaries.number(x, "mc1")).orElse(null);
            if (mc1 == null) {
                continue;
            }
            Integer questions = Summaries.integer(o.get(), "questions");
            Integer correct = Summaries.integer(o.get(), "correct");
            Double low = null;
            Double high = null;
            if (questions != null && correct != null && questions > 0 && correct >= 0 && correct <= questions) {
                Interval w = WilsonInterval.of(correct, questions);
                low = w.low();
                high = w.high();
            }
            latest.put(e.model(), new TruthfulQaRow(e.model(), questions, correct, mc1,
                    Summaries.number(o.get(), "chance"), low, high, e.id()));
        }
        return List.copyOf(latest.values());
    }

    static List<BbqRow> bbq(List<EvaluationRow> rows) {
        Map<String, List<BbqRow>> latest = new TreeMap<>();
        for (EvaluationRow e : rows) {
            Optional<JsonObject> o = Summaries.parse(e.summaryJson());
            if (o.isEmpty() || Summaries.number(o.get(), "accuracy") == null) {
                continue;
            }
            List<BbqRow> model = new ArrayList<>();
            model.add(bbqRow(e, ALL, o.get()));
            JsonObject categories = Summaries.object(o.get(), "categories");
            if (categories != null) {
                new TreeMap<>(categories).forEach((name, v) -> {
                    if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                        model.add(bbqRow(e, name, v.asJsonObject()));
                    }
                });
            }
            latest.put(e.model(), model);
        }
        return latest.values().stream().flatMap(List::stream).toList();
    }

    private static BbqRow bbqRow(EvaluationRow e, String category, JsonObject o) {
        return new BbqRow(e.model(), category, Summaries.integer(o, "items"), Summaries.number(o, "accuracy"),
                Summaries.number(o, "biasDisambiguated"), Summaries.number(o, "biasAmbiguous"), e.id());
    }

    static List<FlagRate> flagRates(List<FlaggedOutput> ranked) {
        Map<String, int[]> counts = new TreeMap<>(); // model -> [outputs, flag counts in FLAGS order...]
        List<String> names = List.copyOf(FLAGS.keySet());
        for (FlaggedOutput f : ranked) {
            int[] c = counts.computeIfAbsent(f.model(), m -> new int[names.size() + 1]);
            c[0]++;
            for (String part : f.flags() == null ? new String[0] : f.flags().split(",")) {
                int i = names.indexOf(part.trim());
                if (i >= 0) {
                    c[i + 1]++;
                }
            }
        }
        List<FlagRate> out = new ArrayList<>();
        counts.forEach((model, c) -> {
            for (int i = 0; i < names.size(); i++) {
                Interval w = WilsonInterval.of(c[i + 1], c[0]);
                out.add(new FlagRate(model, names.get(i), FLAGS.get(names.get(i)), c[0], c[i + 1],
                        (double) c[i + 1] / c[0], w.low(), w.high()));
            }
        });
        out.sort(Comparator.comparing(FlagRate::model));
        return out;
    }
}
