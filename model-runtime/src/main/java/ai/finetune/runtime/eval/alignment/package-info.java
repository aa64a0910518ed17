/**
 * Alignment evaluations scored by a language model's log-probabilities: TruthfulQA multiple choice (MC1) for
 * honesty and BBQ accuracy and bias scores for harmlessness.
 *
 * <p>Both pick among fixed answers the way InstructGPT scored multiple choice: the answer whose tokens have the
 * lowest average negative log-likelihood given the prompt ({@link ai.finetune.runtime.eval.alignment.MultipleChoice}).
 * The model is reached only through {@link ai.finetune.runtime.eval.alignment.ContinuationScorer}, so the tests use
 * scorers with known log-probabilities and the GPT model plugs in unchanged.
 *
 * <p>The datasets ship on the classpath under {@code /datasets/truthfulqa} and {@code /datasets/bbq} with their
 * LICENSE and SOURCE.md; {@link ai.finetune.runtime.eval.alignment.DatasetSource} reads the licence for display.
 * Results are records (Jackson serialises them to JSON); the per-category tables export to CSV with
 * {@link ai.finetune.runtime.eval.stats.CsvExport}.
 */
package ai.finetune.runtime.eval.alignment;
