package ai.finetune.portal.run;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backing bean of admin/runs/index.xhtml: the device queue and every run, refreshed by p:poll. */
@Named("runsPage")
@RequestScoped
public class RunsPage {
    @Inject
    RunService runs;

    @Inject
    RunSettings settings;

    private List<TrainingRun> all;

    public List<TrainingRun> getRuns() {
        if (all == null) {
            all = runs.list();
        }
        return all;
    }

    public List<TrainingRun> getQueue() {
        return runs.queue(settings.device());
    }

    public String getDevice() {
        return settings.device();
    }

    /** "1h02m" style, or an empty string when unknown. */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = seconds;
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    public String eta(TrainingRun r) {
        return duration(r.getEtaSeconds());
    }

    public String rate(TrainingRun r) {
        Double v = r.getStepsPerSecond();
        return v == null ? "" : String.format("%.2f steps/s", v);
    }
}
