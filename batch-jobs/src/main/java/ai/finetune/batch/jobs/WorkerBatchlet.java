package ai.finetune.batch.jobs;

import ai.finetune.batch.worker.MetricsFile;
import ai.finetune.batch.worker.WorkerLaunch;
import ai.finetune.batch.worker.WorkerOutcome;
import ai.finetune.batch.worker.WorkerProcess;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The one step of every training and evaluation job: launches model-runtime.jar for the run named by the job
 * parameter {@code runId} and supervises it until it exits. A restart of the job (Jakarta Batch restart of a
 * STOPPED or FAILED execution) runs this again; the launch then resumes from the run folder's last checkpoint
 * after cutting {@code metrics.jsonl} back to that step, so no step is reported twice.
 */
@Named("workerBatchlet")
public class WorkerBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    /** Seconds between a stop request (STOP file) and SIGTERM; SIGKILL follows after as long again. */
    @Inject
    @BatchProperty
    String stopGraceSeconds;

    @Inject
    JobContext job;

    @Inject
    WorkerRuns runs;

    static final Duration POLL = Duration.ofSeconds(2);

    private volatile WorkerProcess process;
    private volatile boolean stopRequested;

    @Override
    public String process() throws Exception {
        long id = Long.parseLong(runId);
        WorkerProcess p;
        try {
            if (runs.stopRequested(id)) { // stopped while its job was starting: nothing to launch
                runs.finished(id, new WorkerOutcome(0, true, null, List.of()));
                return "STOPPED";
            }
            WorkerLaunch launch = runs.launch(id);
            OptionalInt resume = launch.resumeStep();
            if (resume.isPresent()) {
                MetricsFile.truncateAfter(launch.outDir(), resume.getAsInt());
            } else {
                MetricsFile.delete(launch.outDir());
            }
            p = WorkerProcess.start(launch, new WorkerProcess.Listener() {
                @Override
                public void metrics(List<String> rows) {
                    runs.metrics(id, rows);
                }

                @Override
                public void log(List<String> lines) {
                    runs.log(id, lines);
                }

                @Override
                public boolean stopWanted() {
                    return runs.stopRequested(id);
                }
            });
            runs.started(id, job.getExecutionId(), p.pid(), resume.orElse(0));
        } catch (Exception e) {
            runs.failed(id, "cannot start the worker: " + e.getMessage());
            throw e;
        }
        process = p;
        try (p) {
            if (stopRequested) {
                p.requestStop();
            }
            Duration grace = Duration.ofSeconds(stopGraceSeconds == null || stopGraceSeconds.isBlank() ? 60
                    : Long.parseLong(stopGraceSeconds));
            // every 2 s: each poll is a few database transactions in the portal JVM, and on a 2-core host that CPU
            // comes out of the worker's share (at 500 ms the portal trained 0.91x as fast as the CLI)
            WorkerOutcome outcome = p.supervise(POLL, grace);
            runs.finished(id, outcome);
            if (outcome.stopped()) {
                return "STOPPED";
            }
            if (!outcome.succeeded()) {
                // FAILED, so that the job can be restarted (from the last checkpoint)
                throw new IllegalStateException(outcome.failureMessage());
            }
            return "COMPLETED";
        } finally {
            process = null;
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        WorkerProcess p = process;
        if (p != null) {
            p.requestStop();
        }
    }
}
