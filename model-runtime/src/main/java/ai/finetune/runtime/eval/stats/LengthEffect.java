package ai.finetune.runtime.eval.stats;

/**
 * The length coefficient of the length-controlled leaderboard: the log-odds of winning change by
 * {@code coefficient} per unit of the relative length difference {@code (lengthA - lengthB) / (lengthA + lengthB)}
 * (which runs from -1 to 1). A positive coefficient means judges prefer the longer response beyond what model
 * strength explains.
 *
 * @param low  2.5% bootstrap percentile of the coefficient
 * @param high 97.5% bootstrap percentile
 * @param twiceAsLongWinRate the fitted chance that a response twice as long as an equally strong model's response
 *                           wins: sigmoid(coefficient / 3), since (2L - L) / (2L + L) = 1/3; 0.5 means no length bias
 */
public record LengthEffect(double coefficient, double low, double high, double twiceAsLongWinRate) {}
