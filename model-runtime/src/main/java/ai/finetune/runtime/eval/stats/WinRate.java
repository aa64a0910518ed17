package ai.finetune.runtime.eval.stats;

/**
 * The win rate of {@code model} against {@code baseline} on the judgements of one prompt category (or of all,
 * {@link WinRates#ALL_CATEGORIES}): the mean score with wins 1, losses 0, ties and "both bad" 1/2, and its 95%
 * Wilson and percentile-bootstrap intervals.
 *
 * @param judgements the number of judgements between the two models in this category
 * @param bootstrapSamples the number of bootstrap resamples; {@code bootstrapSeed} the seed of this row's resampling
 */
public record WinRate(String model, String baseline, String category, int judgements, int wins, int losses,
                      int ties, int bothBad, double winRate, double wilsonLow, double wilsonHigh,
                      double bootstrapLow, double bootstrapHigh, int bootstrapSamples, long bootstrapSeed) {}
