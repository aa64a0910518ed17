package ai.finetune.portal.run;

import ai.finetune.batch.jobs.WorkerRuns;
import ai.finetune.batch.worker.WorkerLaunch;
import ai.finetune.batch.worker.WorkerOutcome;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's side of the worker job: turns a stored run into a worker command line (its parameters plus the
 * parent model's and the dataset's paths) and writes what the worker reports into the run's rows.
 */
@ApplicationScoped
public class RunWorkerBridge implements WorkerRuns {
    @Inject
    RunService runs;

    @Inject
    RunQueue queue;

    @Inject
    ModelRegistry models;

    @Inject
    DatasetService datasets;

    @Inject
    RunSettings settings;

    @Override
    public WorkerLaunch launch(long runId) {
        TrainingRun r = runs.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " is gone"));
        Map<String, String> options = new LinkedHashMap<>(RunService.params(r));
        Path parent = Path.of(models.find(r.getParentModelId()).orElseThrow().getPath());
        options.put("data", datasets.find(r.getDatasetId()).orElseThrow().getPath());
        switch (r.getKind()) {
            case PRETRAIN -> options.put("tokenizer", parent.resolve("tokenizer.json").toString());
            case SFT -> options.put("init", parent.toString());
        }
        options.put("device", r.getDevice());
        return new WorkerLaunch(r.getKind().command(), options, Path.of(r.getOutDir()), true, settings.threads(),
                settings.javaHome(), settings.workerJar(), settings.djlCache());
    }

    @Override
    public void started(long runId, long jobExecutionId, long pid, int fromStep) {
        runs.started(runId, jobExecutionId, pid, fromStep);
    }

    @Override
    public void metrics(long runId, List<String> rows) {
        runs.addMetrics(runId, rows);
    }

    @Override
    public void log(long runId, List<String> lines) {
        runs.appendLog(runId, lines);
    }

    @Override
    public boolean stopRequested(long runId) {
        return runs.stopRequested(runId);
    }

    @Override
    public void finished(long runId, WorkerOutcome outcome) {
        runs.finished(runId, outcome);
        queue.dispatch();
    }

    @Override
    public void failed(long runId, String message) {
        runs.fail(runId, message);
        queue.dispatch();
    }
}
