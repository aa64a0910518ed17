package ai.finetune.portal.dashboard;

import ai.finetune.portal.dashboard.DashboardRepository.MetricRow;
import ai.finetune.portal.dashboard.DashboardRepository.PpoRun;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Health of PPO training from the run_metric rows of {@code ppo} runs (keys of model-runtime's PpoTrainer, see
 * docs/evaluation-results.md): reward against KL to the SFT policy (reward hacking shows as reward rising with KL),
 * KL and response length over iterations, and the alignment tax: pretraining validation loss
 * ({@code pretrain_val_loss}) after PPO minus the SFT model's.
 */
public final class TrainingHealthDashboard {
    public static final String NAME = "training-health";
    static final String PRETRAIN_VAL_LOSS = "pretrain_val_loss";

    /** One PPO iteration; absent keys are null. */
    public record PpoPoint(long runId, String policy, int step, Double rewardMean, Double kl, Double klCoef,
                           Double responseLength, Double pretrainValLoss) {}

    /**
     * The alignment tax of one PPO run: {@code tax = ppoPretrainValLoss - sftPretrainValLoss} (nats per token; positive
     * means PPO made the model worse at its pretraining data). {@code sftSource} says where the SFT figure came from.
     */
    public record AlignmentTax(long runId, String policy, String sftModel, Double sftPretrainValLoss,
                               Double ppoPretrainValLoss, Double tax, String sftSource) {}

    private TrainingHealthDashboard() {}

    /**
     * @param metrics        a run's metric rows, by run id
     * @param modelMetrics   the metric rows of the run that produced a model, by model id
     */
    public static Dashboard build(List<PpoRun> runs, LongFunction<List<MetricRow>> metrics,
                                  LongFunction<List<MetricRow>> modelMetrics) {
        List<PpoPoint> points = new ArrayList<>();
        List<AlignmentTax> taxes = new ArrayList<>();
        int unreadable = 0;
        for (PpoRun run : runs) {
            Double first = null;
            Integer firstStep = null;
            Double last = null;
            for (MetricRow m : metrics.apply(run.id())) {
                Optional<JsonObject> o = Summaries.parse(m.rowJson());
                if (o.isEmpty()) {
                    unreadable++;
                    continue;
                }
                JsonObject j = o.get();
                Double pvl = Summaries.number(j, PRETRAIN_VAL_LOSS);
                points.add(new PpoPoint(run.id(), run.policy(), m.step(), Summaries.number(j, "reward_mean"),
                        Summaries.number(j, "kl"), Summaries.number(j, "kl_coef"),
                        Summaries.number(j, "response_length"), pvl));
                if (pvl != null) {
                    if (first == null) {
                        first = pvl;
                        firstStep = m.step();
                    }
                    last = pvl;
                }
            }
            Double sft = null;
            String source = null;
            if (run.sftModelId() != null) {
                sft = lastValue(modelMetrics.apply(run.sftModelId()));
                source = sft == null ? null : "the SFT run's metrics";
            }
            if (sft == null && firstStep != null && firstStep == 0) {
                // step 0 is measured before the first update, when the policy still is the SFT model
                sft = first;
                source = "this run at step 0 (before any PPO update)";
            }
            taxes.add(new AlignmentTax(run.id(), run.policy(), run.sftModel(), sft, last,
                    sft == null || last == null ? null : last - sft, source));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ppoRuns", runs.size());
        info.put("unreadableRows", unreadable);
        Map<String, String> missing = new LinkedHashMap<>();
        if (points.isEmpty()) {
            missing.put("ppo-metrics", runs.isEmpty()
                    ? "No PPO runs yet: start a ppo run (Admin > Runs) from an SFT model and a reward model; its "
                    + "per-iteration metrics appear here while it runs."
                    : "The PPO runs have no metric rows yet: they appear once a run has finished its first iteration.");
        }
        if (taxes.stream().allMatch(t -> t.tax() == null)) {
            missing.put("alignment-tax", "No alignment tax yet: it needs pretrain_val_loss measured on the PPO run and "
                    + "on its SFT model (or at the PPO run's step 0). "
                    + (points.stream().anyMatch(p -> p.pretrainValLoss() != null)
                    ? "The SFT figure is missing." : "No run has reported pretrain_val_loss."));
        }
        return new Dashboard(NAME, info, List.of(
                new Table<>("ppo-metrics", "PPO iterations", PpoPoint.class, points),
                new Table<>("alignment-tax", "Alignment tax (pretraining validation loss)", AlignmentTax.class, taxes)),
                missing);
    }

    private static Double lastValue(List<MetricRow> rows) {
        Double v = null;
        for (MetricRow m : rows) {
            Double x = Summaries.parse(m.rowJson()).map(j -> Summaries.number(j, PRETRAIN_VAL_LOSS)).orElse(null);
            if (x != null) {
                v = x;
            }
        }
        return v;
    }
}
