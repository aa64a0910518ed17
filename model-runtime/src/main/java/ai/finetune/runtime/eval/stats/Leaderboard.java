package ai.finetune.runtime.eval.stats;

import java.util.List;

/**
 * A Bradley-Terry leaderboard on the Elo scale (400 points per factor of 10 in the odds, ratings averaging 1000),
 * ranked by rating.
 *
 * @param method       {@link BradleyTerry#PLAIN} or {@link BradleyTerry#LENGTH_CONTROLLED}
 * @param lengthEffect the length coefficient; null for the plain fit
 * @param judgements   the number of judgements fitted
 * @param ridge        the ridge penalty on the natural-log strengths (see {@link BradleyTerry})
 */
public record Leaderboard(String method, List<ModelRating> ratings, LengthEffect lengthEffect, int judgements,
                          int bootstrapSamples, long seed, double ridge) {}
