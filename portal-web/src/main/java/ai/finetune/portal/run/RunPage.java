package ai.finetune.portal.run;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Backing bean of admin/runs/run.xhtml?id=N: progress, metric charts, PPO samples, stop and restart, log, config. */
@Named("runPage")
@ViewScoped
public class RunPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient RunService runs;

    @Inject
    transient RunQueue queue;

    @Inject
    transient ai.finetune.portal.model.ModelRegistry models;

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

    /**
     * The charts and samples of this request (metrics are read once per request, not once per chart: the page
     * polls every 2 s).
     */
    public RunCharts getCharts() {
        var attrs = jakarta.faces.context.FacesContext.getCurrentInstance().getAttributes();
        return (RunCharts) attrs.computeIfAbsent("runCharts",
                k -> new RunCharts(id == null ? List.of() : runs.metrics(id)));
    }

    /** Names of the models the run uses and produced, for the header. */
    public String modelName(Long modelId) {
        return modelId == null ? "" : models.find(modelId).map(m -> m.getName() + " (" + m.getKind() + ")")
                .orElse("#" + modelId);
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
