package ai.finetune.portal.run;

import ai.finetune.labeling.LabelingStats;
import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.dataset.DatasetKind;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelArtifact;
import ai.finetune.portal.model.ModelKind;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What pages and the API do with runs: submit, stop, restart; and the queue that starts the next run of a device
 * as a Jakarta Batch job when the device is free (one run at a time per device, oldest first).
 */
@ApplicationScoped
public class RunQueue {
    private static final Logger LOG = Logger.getLogger(RunQueue.class.getName());

    @Inject
    RunService runs;

    @Inject
    ModelRegistry models;

    @Inject
    DatasetService datasets;

    @Inject
    RunSettings settings;

    @Inject
    LabelingStats labeling;

    /**
     * Validates the form (options, parent model kind, reward model, dataset kind), stores the run QUEUED and starts
     * the queue. Messages name the field: {@code baseModel}, {@code rewardModel}, {@code dataset} or the option.
     */
    public TrainingRun submit(RunKind kind, Map<String, String> options, Long parentModelId, Long rewardModelId,
                              Long datasetId, String user) throws RunException {
        Map<String, String> resolved = new java.util.LinkedHashMap<>(RunParameters.resolve(kind, options));
        ModelArtifact parent = model("baseModel", parentModelId, kind.parentKinds(), kind);
        ModelArtifact rm = null;
        if (kind.needsRewardModel()) {
            rm = model("rewardModel", rewardModelId, List.of(ModelKind.RM), kind);
        } else if (rewardModelId != null) {
            throw new RunException("rewardModel: only ppo takes a reward model");
        }
        Dataset data = null;
        if (kind.dataKind() == null) {
            if (datasetId != null) {
                throw new RunException("dataset: " + kind.command() + " reads its bundled data; leave dataset out");
            }
        } else if (datasetId != null) {
            data = dataset("dataset", datasetId, kind.dataKind(), kind);
        } else if (kind.dataRequired()) {
            throw new RunException("dataset: choose a " + kind.dataKind() + " dataset");
        } else if (kind == RunKind.REWARD_MODEL && labeling.exportKWay().isEmpty()) {
            throw new RunException("dataset: no RANKINGS dataset chosen, and the labelers have submitted no rankings "
                    + "yet; upload a RANKINGS dataset or wait for rankings");
        }
        if (kind == RunKind.PPO) {
            ptxDataset(resolved);
        }
        TrainingRun run = runs.create(kind, resolved, parent, rm, data, user);
        dispatch();
        return runs.find(run.getId()).orElseThrow();
    }

    /** PPO-ptx (ptxCoef > 0) needs pretraining text: the chosen CODE dataset, else the newest one. */
    private void ptxDataset(Map<String, String> resolved) throws RunException {
        boolean ptx = Double.parseDouble(resolved.get("ptxCoef")) > 0;
        String given = resolved.get(RunParameters.PTX_DATASET);
        if (!ptx) {
            if (given != null) {
                throw new RunException(RunParameters.PTX_DATASET + ": only used with ptxCoef > 0 (PPO-ptx)");
            }
            return;
        }
        if (given != null) {
            dataset(RunParameters.PTX_DATASET, Long.parseLong(given), DatasetKind.CODE, RunKind.PPO);
            return;
        }
        Dataset newest = datasets.ofKind(DatasetKind.CODE).stream().findFirst().orElseThrow(() -> new RunException(
                RunParameters.PTX_DATASET + ": PPO-ptx (ptxCoef " + resolved.get("ptxCoef") + ") mixes in pretraining "
                        + "text; upload a CODE dataset or set ptxCoef=0 for plain PPO"));
        resolved.put(RunParameters.PTX_DATASET, String.valueOf(newest.getId()));
    }

    private ModelArtifact model(String field, Long id, List<ModelKind> kinds, RunKind kind) throws RunException {
        String wanted = kinds.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(" or "));
        if (id == null) {
            throw new RunException(field + ": choose a " + wanted + " model for " + kind.command());
        }
        ModelArtifact m = models.find(id)
                .orElseThrow(() -> new RunException(field + ": model " + id + " does not exist"));
        if (!kinds.contains(m.getKind())) {
            throw new RunException(field + ": " + kind.command() + " needs a " + wanted + " model; '" + m.getName()
                    + "' is " + m.getKind());
        }
        return m;
    }

    private Dataset dataset(String field, long id, DatasetKind wanted, RunKind kind) throws RunException {
        Dataset d = datasets.find(id)
                .orElseThrow(() -> new RunException(field + ": dataset " + id + " does not exist"));
        if (d.getKind() != wanted) {
            throw new RunException(field + ": " + kind.command() + " reads " + wanted + " data; '" + d.getName()
                    + "' is " + d.getKind());
        }
        return d;
    }

    /** The newest model of the first of {@code kinds} that has one (the default of a form or an API call). */
    public Long newestModel(List<ModelKind> kinds) {
        for (ModelKind k : kinds) {
            List<ModelArtifact> ms = models.ofKind(k);
            if (!ms.isEmpty()) {
                return ms.get(0).getId();
            }
        }
        return null;
    }

    public void stop(long id) throws RunException {
        TrainingRun r = runs.requestStop(id);
        if (r.getStatus() == RunStatus.RUNNING && r.getJobExecutionId() != null) {
            try {
                operator().stop(r.getJobExecutionId());
            } catch (RuntimeException e) {
                // the flag on the row is enough: the supervisor polls it and stops the worker
                LOG.log(Level.FINE, "JobOperator.stop failed for run " + id, e);
            }
        }
    }

    public void restart(long id) throws RunException {
        runs.requeue(id);
        dispatch();
    }

    /** Starts queued runs on free devices. Synchronized: two callers must not claim the same device. */
    public synchronized void dispatch() {
        for (Optional<TrainingRun> next; (next = runs.claimNext(settings.device())).isPresent(); ) {
            launch(next.get());
        }
    }

    private void launch(TrainingRun r) {
        Properties p = new Properties();
        p.setProperty("runId", String.valueOf(r.getId()));
        p.setProperty("stopGraceSeconds", String.valueOf(settings.stopGraceSeconds()));
        try {
            JobOperator op = operator();
            long execution;
            if (r.getJobExecutionId() != null) {
                execution = restartOrStart(op, r, p);
            } else {
                execution = op.start(r.getKind().command(), p);
            }
            runs.recordExecution(r.getId(), execution);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot start the job of run " + r.getId(), e);
            runs.fail(r.getId(), "cannot start the job: " + e.getMessage());
        }
    }

    /**
     * A Jakarta Batch restart of the run's last execution. An execution left STARTED by a portal that was killed
     * cannot be restarted (the repository still believes it runs); a new job instance of the same run then does
     * the same work, since the resume point is the run folder's checkpoint, not the batch repository.
     */
    private long restartOrStart(JobOperator op, TrainingRun r, Properties p) {
        try {
            return op.restart(r.getJobExecutionId(), p);
        } catch (RuntimeException e) {
            LOG.info(() -> "Run " + r.getId() + ": execution " + r.getJobExecutionId() + " cannot be restarted ("
                    + e.getClass().getSimpleName() + "); starting a new job instance that resumes the run folder");
            return op.start(r.getKind().command(), p);
        }
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
