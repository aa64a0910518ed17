package ai.finetune.runtime.eval.alignment;

/** Told after each evaluated item, so a job can show progress; scoring a large model is slow. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(int done, int total);
}
