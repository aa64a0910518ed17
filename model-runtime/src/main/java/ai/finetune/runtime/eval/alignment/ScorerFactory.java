package ai.finetune.runtime.eval.alignment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a model directory (a checkpoint written by training) as a scorer. The evaluation commands take one, so
 * they run the same way on the GPT model and, in tests, on a model with known log-probabilities.
 */
@FunctionalInterface
public interface ScorerFactory {
    /**
     * @throws IOException naming the directory when it holds no loadable model
     */
    ModelScorer open(Path modelDir) throws IOException;
}
