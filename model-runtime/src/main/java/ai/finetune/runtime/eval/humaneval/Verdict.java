package ai.finetune.runtime.eval.humaneval;

/**
 * The outcome of one sample, in the reference harness's words: {@code passed}, {@code timed out} (also for a
 * process that ended without leaving a verdict, such as {@code os._exit}), or {@code failed: <exception>}.
 */
public record Verdict(String result) {
    public static final String PASSED = "passed";
    public static final String TIMED_OUT = "timed out";
    public static final String FAILED_PREFIX = "failed:";

    public static final Verdict TIMEOUT = new Verdict(TIMED_OUT);

    public boolean passed() {
        return PASSED.equals(result);
    }

    /** Coarse category for summaries: passed, timed out, failed. */
    public String category() {
        if (passed()) {
            return PASSED;
        }
        if (TIMED_OUT.equals(result)) {
            return TIMED_OUT;
        }
        return result.startsWith(FAILED_PREFIX) ? "failed" : "other";
    }
}
