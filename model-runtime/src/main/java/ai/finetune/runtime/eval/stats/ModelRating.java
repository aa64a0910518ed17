package ai.finetune.runtime.eval.stats;

/**
 * One leaderboard row: a model's Bradley-Terry strength on the Elo scale with its 95% bootstrap interval, and the
 * judgements it took part in (ties include "both bad"; {@code score} is its mean score over them).
 */
public record ModelRating(int rank, String model, double elo, double eloLow, double eloHigh, int judgements,
                          int wins, int losses, int ties, double score) {}
