package ai.finetune.batch.worker;

import java.util.List;

/**
 * How a worker ended.
 *
 * @param exitCode      the process's exit status (0 success, 1 failure, 2 usage error; 143 after SIGTERM)
 * @param stopRequested whether the supervisor asked it to stop
 * @param summary       the worker's last stdout line (its JSON summary), or null
 * @param lastLog       the last stderr lines, for the failure message
 */
public record WorkerOutcome(int exitCode, boolean stopRequested, String summary, List<String> lastLog) {

    public WorkerOutcome {
        lastLog = List.copyOf(lastLog);
    }

    /** Stopped, after writing a checkpoint (the summary says so), or stopped on request and killed after the grace period. */
    public boolean stopped() {
        if (summary != null && summary.contains("\"stopped\":true")) {
            return true; // also a stop the worker decided itself (its portal went away)
        }
        return stopRequested && !(exitCode == 0 && summary != null && summary.contains("\"stopped\":false"));
    }

    /** Ran to its end: exit 0 and no stop (a run that finished while a stop was pending counts as finished). */
    public boolean succeeded() {
        return exitCode == 0 && !stopped();
    }

    /** A message for a failed run: the exit status and the last error lines of the log. */
    public String failureMessage() {
        List<String> tail = lastLog.subList(Math.max(0, lastLog.size() - 5), lastLog.size());
        return "worker exited with status " + exitCode + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail));
    }
}
