package ai.finetune.runtime.eval.alignment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a model directory (a checkpoint written by training) as a scorer. The evaluation commands take one, so
 * they run the same way on the GPT model ({@code GptContinuationScorer::open}) and, in tests, on a model with
 * known log-probabilities.
 */
@FunctionalInterface
public interface ScorerFactory {
    /**
     * @param device where the model runs: {@code cpu}, {@code gpu} or {@code gpu:N}
     * @throws IOException naming the directory when it holds no loadable model
     */
    ModelScorer open(Path modelDir, String device) throws IOException;
}
