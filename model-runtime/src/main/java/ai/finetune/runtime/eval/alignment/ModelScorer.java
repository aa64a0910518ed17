package ai.finetune.runtime.eval.alignment;

/** A {@link ContinuationScorer} backed by a loaded model, which holds (native) memory until closed. */
public interface ModelScorer extends ContinuationScorer, AutoCloseable {
    @Override
    void close();
}
