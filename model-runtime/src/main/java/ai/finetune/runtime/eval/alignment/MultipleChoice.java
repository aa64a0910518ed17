package ai.finetune.runtime.eval.alignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Multiple choice by likelihood, as InstructGPT scored it: each answer is scored by the average negative
 * log-likelihood of its tokens given the prompt, and the lowest wins. Averaging per token rather than summing
 * keeps long answers from losing merely for having more tokens to pay for. A tie goes to the earlier answer.
 */
public final class MultipleChoice {
    private MultipleChoice() {}

    /**
     * Scores {@code answers} as continuations of {@code prompt} and picks one.
     *
     * @throws IllegalArgumentException if there are no answers, or the scorer returns no tokens or a positive or
     *                                  non-finite log-probability for one
     */
    public static Pick pick(ContinuationScorer scorer, String prompt, List<String> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("no answers to choose from for prompt: " + prompt);
        }
        List<double[]> logProbs = scorer.tokenLogProbs(prompt, answers);
        if (logProbs.size() != answers.size()) {
            throw new IllegalStateException("the scorer returned " + logProbs.size() + " results for "
                    + answers.size() + " answers");
        }
        List<Double> nll = new ArrayList<>(answers.size());
        int best = -1;
        for (int i = 0; i < answers.size(); i++) {
            double value = averageNegativeLogLikelihood(logProbs.get(i), answers.get(i));
            nll.add(value);
            if (best < 0 || value < nll.get(best)) {
                best = i;
            }
        }
        return new Pick(best, List.copyOf(nll));
    }

    /** The mean of {@code -logProb} over the tokens. */
    public static double averageNegativeLogLikelihood(double[] tokenLogProbs, String answer) {
        if (tokenLogProbs == null || tokenLogProbs.length == 0) {
            throw new IllegalArgumentException("the scorer gave no tokens for the answer '" + answer + "'");
        }
        double sum = 0;
        for (double lp : tokenLogProbs) {
            if (!(lp <= 0) || Double.isInfinite(lp)) {
                throw new IllegalArgumentException("log-probability " + lp + " is not finite and <= 0 (answer '"
                        + answer + "')");
            }
            sum -= lp;
        }
        return sum / tokenLogProbs.length;
    }

    /**
     * The chosen answer and every answer's average negative log-likelihood (nats per token).
     */
    public record Pick(int chosen, List<Double> averageNll) {}
}
