package ai.finetune.runtime.eval.alignment;

import java.util.ArrayList;
import java.util.List;

/** A language model seen only as the log-probabilities it gives a continuation of a context. */
@FunctionalInterface
public interface ContinuationScorer {
    /**
     * The natural-log probability of each token of {@code continuation} given {@code context} and the continuation's
     * earlier tokens: one value per continuation token, in order, each {@code <= 0}. Tokenisation is the model's;
     * the continuation must produce at least one token.
     */
    double[] tokenLogProbs(String context, String continuation);

    /**
     * The log-probabilities of several continuations of one context. A model may override this to encode the
     * context once (e.g. keep its KV cache) or to batch the continuations; the result must equal calling
     * {@link #tokenLogProbs(String, String)} for each.
     */
    default List<double[]> tokenLogProbs(String context, List<String> continuations) {
        List<double[]> result = new ArrayList<>(continuations.size());
        for (String c : continuations) {
            result.add(tokenLogProbs(context, c));
        }
        return result;
    }
}
