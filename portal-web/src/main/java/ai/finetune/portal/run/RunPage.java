package ai.finetune.portal.run;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Backing bean of admin/runs/run.xhtml?id=N: progress, loss chart, stop and restart, log, resolved config. */
@Named("runPage")
@ViewScoped
public class RunPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient RunService runs;

    @Inject
    transient RunQueue queue;

    private Long id;

    public TrainingRun getRun() {
        return id == null ? null : runs.find(id).orElse(null);
    }

    public void stop() {
        try {
            queue.stop(id);
            PageMessages.info("Stop requested: the worker writes a checkpoint and exits.");
        } catch (RunException e) {
            PageMessages.error("Cannot stop: " + e.getMessage());
        }
    }

    public void restart() {
        try {
            queue.restart(id);
            PageMessages.info("Restarted: the run continues from its last checkpoint.");
        } catch (RunException e) {
            PageMessages.error("Cannot restart: " + e.getMessage());
        }
    }

    public List<Map.Entry<String, String>> getConfig() {
        TrainingRun r = getRun();
        return r == null ? List.of() : new ArrayList<>(RunService.params(r).entrySet());
    }

    /** A Chart.js line chart (p:chart) of loss and validation loss against steps. */
    public String getChartJson() {
        JsonArrayBuilder loss = Json.createArrayBuilder();
        JsonArrayBuilder val = Json.createArrayBuilder();
        if (id != null) {
            for (RunMetric m : runs.metrics(id)) {
                JsonObject o;
                try (var reader = Json.createReader(new StringReader(m.getRowJson()))) {
                    o = reader.readObject();
                } catch (RuntimeException e) {
                    continue;
                }
                if (o.get("loss") instanceof JsonNumber n) {
                    loss.add(point(m.getStep(), n.doubleValue()));
                }
                if (o.get("val_loss") instanceof JsonNumber n) {
                    val.add(point(m.getStep(), n.doubleValue()));
                }
            }
        }
        JsonObject chart = Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", Json.createArrayBuilder()
                        .add(series("loss", loss, "#3b82f6"))
                        .add(series("validation loss", val, "#f97316"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("parsing", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("type", "linear")
                                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "step")))
                                .add("y", Json.createObjectBuilder().add("title",
                                        Json.createObjectBuilder().add("display", true).add("text", "loss")))))
                .build();
        return chart.toString();
    }

    private static JsonObject point(int step, double y) {
        return Json.createObjectBuilder().add("x", step).add("y", y).build();
    }

    private static JsonObject series(String label, JsonArrayBuilder points, String color) {
        return Json.createObjectBuilder().add("label", label).add("data", points).add("borderColor", color)
                .add("pointRadius", 0).add("borderWidth", 2).add("fill", false).build();
    }

    public String eta() {
        TrainingRun r = getRun();
        return r == null ? "" : RunsPage.duration(r.getEtaSeconds());
    }

    /** A metric for display: four decimals. */
    public String format(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }

    static boolean isNumber(JsonValue v) {
        return v instanceof JsonNumber;
    }
}
