package ai.finetune.portal.run;

import ai.finetune.batch.jobs.WorkerRuns;
import ai.finetune.batch.worker.WorkerLaunch;
import ai.finetune.batch.worker.WorkerOutcome;
import ai.finetune.labeling.LabelingStats;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelArtifact;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    @Inject
    LabelingStats labeling;

    @Override
    public WorkerLaunch launch(long runId) {
        TrainingRun r = runs.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " is gone"));
        Map<String, String> options = new LinkedHashMap<>(RunService.params(r));
        ModelArtifact parentModel = models.find(r.getParentModelId()).orElseThrow();
        Path parent = Path.of(parentModel.getPath());
        Path out = Path.of(r.getOutDir());
        String data = r.getDatasetId() == null ? null : datasets.find(r.getDatasetId()).orElseThrow().getPath();
        switch (r.getKind()) {
            case PRETRAIN -> {
                options.put("data", data);
                options.put("tokenizer", parent.resolve("tokenizer.json").toString());
            }
            case SFT -> {
                options.put("data", data);
                options.put("init", parent.toString());
            }
            case SAMPLE_COMPARISONS -> {
                options.put("model", parent.toString());
                options.put("prompts", data);
            }
            case REWARD_MODEL -> {
                options.put("sft", parent.toString());
                options.put("data", rankings(r, out, data).toString());
            }
            case PPO -> {
                options.put("sft", parent.toString());
                options.put("rewardModel", models.find(r.getRewardModelId()).orElseThrow().getPath());
                options.put("prompts", data);
                String ptx = options.remove(RunParameters.PTX_DATASET);
                if (ptx != null) {
                    options.put("ptxData", datasets.find(Long.parseLong(ptx)).orElseThrow().getPath());
                }
            }
            case HUMANEVAL -> {
                options.put("model", parent.toString());
                if (data != null) {
                    options.put("problems", data);
                }
            }
            case TRUTHFULQA, BBQ -> {
                options.put("model", parent.toString());
                options.put("name", parentModel.getName());
            }
        }
        options.put("device", r.getDevice());
        return new WorkerLaunch(r.getKind().cli(), options, out, r.getKind().resumable(), settings.threads(),
                settings.javaHome(), settings.workerJar(), settings.djlCache());
    }

    /**
     * reward-train's input: the RANKINGS dataset converted, or (no dataset) a snapshot of the labelers' rankings.
     * Written once per run folder, so that a restart trains on the same comparisons.
     */
    private Path rankings(TrainingRun r, Path out, String dataset) {
        Path file = out.resolve(RankingsFile.NAME);
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            int n = dataset != null ? RankingsFile.fromDataset(Path.of(dataset), file)
                    : RankingsFile.fromLabelers(labeling.exportKWay(), file);
            if (n == 0) {
                Files.deleteIfExists(file);
                throw new IllegalStateException("no usable rankings (all outputs tied or none submitted)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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
