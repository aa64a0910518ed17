package ai.finetune.runtime.eval.alignment;

import java.util.Map;

/**
 * A tiny "language model" with known log-probabilities for tests: tokens are whitespace-separated words, each with
 * a fixed natural-log probability from a table, independent of the context. An unknown word is a test error.
 */
final class UnigramScorer implements ContinuationScorer {
    private final Map<String, Double> logProb;
    int calls;

    UnigramScorer(Map<String, Double> logProb) {
        this.logProb = logProb;
    }

    @Override
    public double[] tokenLogProbs(String context, String continuation) {
        calls++;
        String[] words = continuation.trim().split("\\s+");
        double[] result = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            Double lp = logProb.get(words[i]);
            if (lp == null) {
                throw new IllegalArgumentException("word '" + words[i] + "' has no log-probability in the test table");
            }
            result[i] = lp;
        }
        return result;
    }
}
