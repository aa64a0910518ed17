package ai.finetune.batch.jobs;

import ai.finetune.batch.worker.WorkerLaunch;
import ai.finetune.batch.worker.WorkerOutcome;
import java.util.List;

/**
 * What the worker job needs from the application that owns runs (portal-web implements it as a CDI bean): the
 * run's launch settings, and somewhere to report progress. Calls come from the batch thread that supervises the
 * worker; each should commit on its own so that pages see progress while the run trains.
 */
public interface WorkerRuns {

    /** The worker command line of run {@code runId}, as stored on the run (so every run is reproducible). */
    WorkerLaunch launch(long runId);

    /** The worker started; {@code fromStep} is the checkpoint step it resumes from (0 for a fresh start). */
    void started(long runId, long jobExecutionId, long pid, int fromStep);

    /** New rows of {@code metrics.jsonl}, in order, each a complete JSON object. */
    void metrics(long runId, List<String> rows);

    /** New stderr lines of the worker. */
    void log(long runId, List<String> lines);

    /** Whether an admin asked the run to stop (checked before the launch and while the worker runs). */
    boolean stopRequested(long runId);

    /** The worker exited. */
    void finished(long runId, WorkerOutcome outcome);

    /** The worker could not be started or supervised. */
    void failed(long runId, String message);
}
