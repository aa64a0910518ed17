package ai.finetune.portal.model;

import ai.finetune.portal.run.EvaluationResult;
import ai.finetune.portal.run.RunService;
import ai.finetune.portal.run.TrainingRun;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backing bean of admin/models/model.xhtml?id=N: a model's lineage (base -> SFT -> RM -> PPO, following parents and
 * the reward model a PPO run was scored by) and its evaluations from evaluation_result.
 */
@Named("modelPage")
@RequestScoped
public class ModelPage {
    @Inject
    ModelRegistry models;

    @Inject
    RunService runs;

    private Long id;

    /** One step of the lineage; {@code role} says how it relates (base, parent, reward model). */
    public record Step(ModelArtifact model, String role) {
        public ModelArtifact getModel() { return model; }
        public String getRole() { return role; }
    }

    /** One evaluation, summarized for the table; {@code categories}: BBQ's per-category rows. */
    public record Evaluation(EvaluationResult result, String headline, List<String> categories) {
        public EvaluationResult getResult() { return result; }
        public String getHeadline() { return headline; }
        public List<String> getCategories() { return categories; }
    }

    public ModelArtifact getModel() {
        return id == null ? null : models.find(id).orElse(null);
    }

    /** Oldest ancestor first; a PPO model's reward model is listed before it. */
    public List<Step> getLineage() {
        List<Step> steps = new ArrayList<>();
        ModelArtifact m = getModel();
        for (int guard = 0; m != null && guard < 50; guard++) {
            steps.add(new Step(m, steps.isEmpty() ? "this model" : "parent"));
            Long rm = m.getRunId() == null ? null : runs.find(m.getRunId()).map(TrainingRun::getRewardModelId)
                    .orElse(null);
            if (rm != null) {
                models.find(rm).ifPresent(r -> steps.add(new Step(r, "reward model")));
            }
            m = m.getParentId() == null ? null : models.find(m.getParentId()).orElse(null);
        }
        Collections.reverse(steps);
        return steps;
    }

    public List<Evaluation> getEvaluations() {
        List<Evaluation> out = new ArrayList<>();
        if (id == null) {
            return out;
        }
        for (EvaluationResult e : runs.evaluations(id)) {
            JsonObject s;
            try (var reader = Json.createReader(new StringReader(e.getSummaryJson()))) {
                s = reader.readObject();
            } catch (RuntimeException ex) {
                out.add(new Evaluation(e, "(unreadable summary)", List.of()));
                continue;
            }
            out.add(new Evaluation(e, headline(e.getKind(), s), categories(e.getKind(), s)));
        }
        return out;
    }

    static String headline(String kind, JsonObject s) {
        return switch (kind) {
            case "HUMANEVAL" -> {
                StringBuilder b = new StringBuilder();
                JsonObject p = s.getJsonObject("passAtK");
                if (p != null) {
                    p.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append("pass@").append(k).append(' ')
                            .append(num(v)));
                }
                yield b + " (" + num(s.get("samplesPerTask")) + " samples per problem, temperature "
                        + num(s.get("temperature")) + ", " + num(s.get("problems")) + " problems)";
            }
            case "TRUTHFULQA" -> "MC1 " + num(s.get("mc1")) + " (" + num(s.get("correct")) + " of "
                    + num(s.get("questions")) + " questions; chance " + num(s.get("chance")) + ")";
            case "BBQ" -> bbq(s) + ", " + num(s.get("items")) + " items";
            default -> s.toString();
        };
    }

    static List<String> categories(String kind, JsonObject s) {
        List<String> rows = new ArrayList<>();
        if ("BBQ".equals(kind) && s.get("categories") instanceof JsonObject cats) {
            for (Map.Entry<String, JsonValue> c : cats.entrySet()) {
                if (c.getValue() instanceof JsonObject o) {
                    rows.add(c.getKey() + ": " + bbq(o) + " (" + num(o.get("items")) + " items)");
                }
            }
        }
        return rows;
    }

    private static String bbq(JsonObject o) {
        return "accuracy " + num(o.get("accuracy")) + ", s_DIS " + num(o.get("biasDisambiguated")) + ", s_AMB "
                + num(o.get("biasAmbiguous"));
    }

    private static String num(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.isIntegral() ? n.toString() : String.format(Locale.ROOT, "%.3f", n.doubleValue());
        }
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? "n/a" : v.toString();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
