/**
 * Statistics behind the stakeholder dashboards: win rates against a baseline from blind A/B judgements (Wilson and
 * percentile-bootstrap intervals, overall and per prompt category) and a Bradley-Terry leaderboard on the Elo scale
 * with bootstrap intervals, plain and length-controlled.
 *
 * <p>Conventions, stated once here and in the class docs:
 * <ul>
 *   <li>A judgement scores 1 for a win, 0 for a loss and 1/2 for a tie; "both bad" also counts as a tie (1/2):
 *       neither response was preferred, which is what a tie records, and dropping those judgements would hide that
 *       the model failed on the prompt as often as the baseline did.</li>
 *   <li>Intervals are two-sided 95%.</li>
 *   <li>Every bootstrap is seeded, so the same judgements and seed give the same interval.</li>
 * </ul>
 *
 * <p>Plain Java rather than a statistics library: the numerics are small (a Wilson formula, percentiles, a Newton
 * fit of a few dozen parameters with a Cholesky solve), Commons Math is not among the pinned dependencies, and
 * writing them out keeps every convention visible in one place.
 *
 * <p>Every result is a record that Jackson serialises to JSON; {@link ai.finetune.runtime.eval.stats.CsvExport}
 * writes lists of the flat ones as CSV.
 */
package ai.finetune.runtime.eval.stats;
