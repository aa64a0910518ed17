package ai.finetune.runtime.sampling;

/**
 * One sampled continuation.
 *
 * @param text         the continuation, cut before the first stop sequence
 * @param tokens       its token ids (up to and including the token that reaches the cut)
 * @param logProbs     log-probability of each token under the model (temperature 1, no top-p/top-k), the quantity
 *                     Codex ranks samples by
 * @param meanLogProb  mean of {@code logProbs} (NaN for an empty completion)
 * @param finishReason {@code stop} (stop sequence), {@code eos} (end of text) or {@code length} (maxNewTokens)
 */
public record Completion(String text, int[] tokens, float[] logProbs, double meanLogProb, String finishReason) {}
