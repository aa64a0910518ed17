/**
 * Corpora: reading documents from folders and JSONL ({@link ai.finetune.runtime.data.DocumentReader}), Codex's
 * code filters ({@link ai.finetune.runtime.data.CodeFilter}), de-duplication and the train/validation split
 * ({@link ai.finetune.runtime.data.CorpusPreparer}), and atomic file writes
 * ({@link ai.finetune.runtime.data.AtomicFiles}).
 *
 * <p>The prepared corpus format is fixed: {@code train.jsonl} and {@code val.jsonl} with one
 * {@code {"text": ..., "source": ...}} object per line; the pretraining code reads it.
 */
package ai.finetune.runtime.data;
