package ai.finetune.portal.run;

import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelArtifact;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** Validates the form (options, parent model kind, dataset kind), stores the run QUEUED and starts the queue. */
    public TrainingRun submit(RunKind kind, Map<String, String> options, Long parentModelId, Long datasetId,
                              String user) throws RunException {
        Map<String, String> resolved = RunParameters.resolve(kind, options);
        if (parentModelId == null) {
            throw new RunException("baseModel: choose a " + kind.parentKind() + " model to start from");
        }
        ModelArtifact parent = models.find(parentModelId)
                .orElseThrow(() -> new RunException("baseModel: model " + parentModelId + " does not exist"));
        if (parent.getKind() != kind.parentKind()) {
            throw new RunException("baseModel: " + kind.command() + " starts from a " + kind.parentKind()
                    + " model; '" + parent.getName() + "' is " + parent.getKind());
        }
        if (datasetId == null) {
            throw new RunException("dataset: choose a " + kind.dataKind() + " dataset");
        }
        Dataset data = datasets.find(datasetId)
                .orElseThrow(() -> new RunException("dataset: dataset " + datasetId + " does not exist"));
        if (data.getKind() != kind.dataKind()) {
            throw new RunException("dataset: " + kind.command() + " trains on " + kind.dataKind() + " data; '"
                    + data.getName() + "' is " + data.getKind());
        }
        TrainingRun run = runs.create(kind, resolved, parent, data, user);
        dispatch();
        return runs.find(run.getId()).orElseThrow();
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
