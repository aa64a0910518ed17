package ai.finetune.portal.run;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run page's charts and PPO sample table, from the run's metric rows. Each chart is drawn only when the rows
 * hold at least one of its series, so a run shows exactly what its worker reports: loss curves for pretrain/SFT/RM,
 * reward, KL, entropy and response length for PPO, response length for sampling.
 */
public final class RunCharts {
    /** A chart: title, y axis, and series (metric key -> legend). */
    record Spec(String id, String title, String yAxis, Map<String, String> series) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("loss", "Loss", "loss", ordered("loss", "loss", "val_loss", "validation loss",
                    "pretrain_val_loss", "pretraining validation loss", "ptx_loss", "ptx loss",
                    "policy_loss", "policy loss", "value_loss", "value loss")),
            new Spec("accuracy", "Pairwise accuracy", "accuracy", ordered("train_pair_accuracy", "training pairs",
                    "val_accuracy", "validation")),
            new Spec("reward", "Reward", "reward", ordered("reward_mean", "reward (RM score)", "objective_mean",
                    "objective (score - beta KL)")),
            new Spec("kl", "KL to the reference (SFT)", "nats per episode", ordered("kl", "KL")),
            new Spec("entropy", "Entropy", "nats per token", ordered("entropy", "entropy")),
            new Spec("length", "Response length", "tokens", ordered("response_length", "mean response length")));

    private static final String[] COLORS = {"#3b82f6", "#f97316", "#10b981", "#a855f7", "#ef4444", "#64748b"};

    /** One chart to draw. */
    public record Chart(String id, String title, String json) {
        public String getId() { return id; }
        public String getTitle() { return title; }
        public String getJson() { return json; }
    }

    /** One sample of a PPO iteration. */
    public record Sample(int iteration, String prompt, String response, Double reward) {
        public int getIteration() { return iteration; }
        public String getPrompt() { return prompt; }
        public String getResponse() { return response; }
        public Double getReward() { return reward; }
    }

    private final List<Chart> charts = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();

    RunCharts(List<RunMetric> metrics) {
        Map<String, JsonArrayBuilder> points = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RunMetric m : metrics) {
            JsonObject o;
            try (var reader = Json.createReader(new StringReader(m.getRowJson()))) {
                o = reader.readObject();
            } catch (RuntimeException e) {
                continue; // an unreadable row is kept verbatim in the table; it has no point to draw
            }
            for (Spec spec : SPECS) {
                for (String key : spec.series().keySet()) {
                    if (o.get(key) instanceof JsonNumber n) {
                        points.computeIfAbsent(key, k -> Json.createArrayBuilder()).add(Json.createObjectBuilder()
                                .add("x", m.getStep()).add("y", n.doubleValue()));
                        counts.merge(key, 1, Integer::sum);
                    }
                }
            }
            if (o.get("samples") instanceof JsonArray list) {
                for (JsonValue v : list) {
                    if (v instanceof JsonObject s) {
                        samples.add(new Sample(m.getStep(), s.getString("prompt", ""), s.getString("response", ""),
                                s.get("reward") instanceof JsonNumber r ? r.doubleValue() : null));
                    }
                }
            }
        }
        for (Spec spec : SPECS) {
            JsonArrayBuilder datasets = Json.createArrayBuilder();
            int i = 0;
            for (Map.Entry<String, String> s : spec.series().entrySet()) {
                if (counts.containsKey(s.getKey())) {
                    datasets.add(Json.createObjectBuilder().add("label", s.getValue())
                            .add("data", points.get(s.getKey())).add("borderColor", COLORS[i++ % COLORS.length])
                            .add("pointRadius", counts.get(s.getKey()) < 30 ? 2 : 0).add("borderWidth", 2)
                            .add("fill", false));
                }
            }
            if (i > 0) {
                charts.add(new Chart(spec.id(), spec.title(), chart(datasets, spec.yAxis())));
            }
        }
        samples.sort((a, b) -> Integer.compare(b.iteration(), a.iteration())); // newest iteration first
    }

    public List<Chart> getCharts() {
        return charts;
    }

    /** Whether chart {@code id} (loss, accuracy, reward, kl, entropy, length) has any series. */
    public boolean has(String id) {
        return charts.stream().anyMatch(c -> c.id().equals(id));
    }

    /** The Chart.js configuration of chart {@code id} (p:chart), or an empty chart. */
    public String json(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).map(Chart::json).findFirst()
                .orElse("{\"type\":\"line\",\"data\":{\"datasets\":[]}}");
    }

    public List<Sample> getSamples() {
        return samples;
    }

    private static String chart(JsonArrayBuilder datasets, String yAxis) {
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("parsing", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("type", "linear")
                                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "step")))
                                .add("y", Json.createObjectBuilder().add("title",
                                        Json.createObjectBuilder().add("display", true).add("text", yAxis)))))
                .build().toString();
    }

    private static Map<String, String> ordered(String... keyLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyLabel.length; i += 2) {
            m.put(keyLabel[i], keyLabel[i + 1]);
        }
        return m;
    }
}
