package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.DashboardRepository.EvaluationRow;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HumanEval figures from evaluation_result rows of kind HUMANEVAL (docs/evaluation-results.md): pass@1/10/100 per
 * model and temperature, the best temperature per k (as Codex reports it), and the reranking comparison (pass@1
 * picking one sample by mean log-probability vs at random vs an oracle). A later evaluation of the same model at
 * the same temperature replaces an earlier one.
 */
public final class HumanEvalDashboard {
    public static final String NAME = "humaneval";
    static final int[] KS = {1, 10, 100};

    /** One evaluation: pass@k for k = 1, 10, 100 where computed (k above the samples per task is null). */
    public record PassAtKRow(String model, double temperature, Integer samplesPerTask, Integer problems,
                             Double passAt1, Double passAt10, Double passAt100, long evaluationId, Long runId) {}

    /** The best pass@k of a model over the temperatures it was evaluated at. */
    public record BestPassAtK(String model, int k, double passAtK, double temperature) {}

    /** pass@1 when one sample is chosen by mean token log-probability, at random, and by an oracle. */
    public record RerankRow(String model, double temperature, double meanLogProb, double random, double oracle,
                            long evaluationId) {}

    private HumanEvalDashboard() {}

    public static Dashboard build(List<EvaluationRow> evaluations) {
        Map<String, PassAtKRow> latest = new LinkedHashMap<>();
        Map<String, RerankRow> rerank = new LinkedHashMap<>();
        int unreadable = 0;
        for (EvaluationRow e : evaluations) {
            Optional<JsonObject> parsed = Summaries.parse(e.summaryJson());
            Double temperature = parsed.map(o -> Summaries.number(o, "temperature")).orElse(null);
            JsonObject pass = parsed.map(o -> Summaries.object(o, "passAtK")).orElse(null);
            if (temperature == null || pass == null) {
                unreadable++;
                continue;
            }
            JsonObject o = parsed.get();
            latest.put(e.model() + '\u0000' + temperature, new PassAtKRow(e.model(), temperature,
                    Summaries.integer(o, "samplesPerTask"), Summaries.integer(o, "problems"),
                    Summaries.number(pass, "1"), Summaries.number(pass, "10"), Summaries.number(pass, "100"), e.id(),
                    e.runId()));
            JsonObject r = Summaries.object(o, "rerank");
            Double m = Summaries.number(r, "meanLogProb");
            Double rnd = Summaries.number(r, "random");
            Double orc = Summaries.number(r, "oracle");
            if (m != null && rnd != null && orc != null) {
                rerank.put(e.model(), new RerankRow(e.model(), temperature, m, rnd, orc, e.id()));
            }
        }
        List<PassAtKRow> rows = latest.values().stream()
                .sorted(Comparator.comparing(PassAtKRow::model).thenComparingDouble(PassAtKRow::temperature)).toList();
        List<BestPassAtK> best = new ArrayList<>();
        for (String model : rows.stream().map(PassAtKRow::model).distinct().toList()) {
            for (int k : KS) {
                rows.stream().filter(r -> r.model().equals(model) && passAt(r, k) != null)
                        .max(Comparator.comparingDouble(r -> passAt(r, k)))
                        .ifPresent(r -> best.add(new BestPassAtK(model, k, passAt(r, k), r.temperature())));
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("evaluations", evaluations.size());
        info.put("unreadableRows", unreadable);
        Map<String, String> missing = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            String why = "No HumanEval results yet: run a humaneval evaluation of a model (Admin > Runs, kind "
                    + "humaneval); each finished run stores its pass@k here.";
            missing.put("pass-at-k", why);
            missing.put("best-pass-at-k", why);
        }
        if (rerank.isEmpty()) {
            missing.put("rerank", "No reranking results yet: a humaneval run that also reranks its samples "
                    + "(mean log-probability vs random vs oracle) stores them.");
        }
        return new Dashboard(NAME, info, List.of(
                new Table<>("best-pass-at-k", "Best pass@k per model (over temperatures)", BestPassAtK.class, best),
                new Table<>("pass-at-k", "pass@k by temperature", PassAtKRow.class, rows),
                new Table<>("rerank", "Choosing one sample of many", RerankRow.class,
                        rerank.values().stream().sorted(Comparator.comparing(RerankRow::model)).toList())), missing);
    }

    static Double passAt(PassAtKRow r, int k) {
        return switch (k) {
            case 1 -> r.passAt1();
            case 10 -> r.passAt10();
            case 100 -> r.passAt100();
            default -> throw new IllegalArgumentException("k must be 1, 10 or 100");
        };
    }
}
