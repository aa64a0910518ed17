/**
 * Byte-level BPE tokenizers, saved and loaded as Hugging Face {@code tokenizer.json}.
 *
 * <p>{@link ai.finetune.runtime.tokenizer.BpeTokenizer} encodes and decodes exactly as Hugging Face's tokenizers
 * library does for the same file (tests check ids through DJL); {@link ai.finetune.runtime.tokenizer.BpeTrainer}
 * learns one from a corpus; {@link ai.finetune.runtime.tokenizer.WhitespaceTokens} is Codex's adaptation to code.
 * Adapting a tokenizer only appends ids, so a model's existing embedding rows keep their meaning.
 */
package ai.finetune.runtime.tokenizer;
