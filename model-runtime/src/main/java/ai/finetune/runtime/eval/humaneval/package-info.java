/**
 * HumanEval functional-correctness evaluation (Chen et al. 2021): problems, sandboxed execution of samples,
 * the unbiased pass@k estimator, mean-log-probability reranking and temperature sweeps.
 *
 * <p>Verdicts follow openai/human-eval word for word ({@code passed}, {@code timed out}, {@code failed: <exception>})
 * so results files from either harness can be compared. Unlike the reference, every sample runs inside a
 * bubblewrap sandbox (see {@link ai.finetune.runtime.eval.humaneval.Sandbox}); without one, evaluation refuses to
 * run unless the caller explicitly allows unsandboxed execution.
 */
package ai.finetune.runtime.eval.humaneval;
