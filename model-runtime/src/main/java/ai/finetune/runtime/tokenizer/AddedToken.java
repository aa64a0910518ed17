package ai.finetune.runtime.tokenizer;

/**
 * A token matched in the raw text before pre-tokenization and BPE (Hugging Face's {@code added_tokens}).
 * {@code special} tokens (end of text, response boundary) are matched only by
 * {@link BpeTokenizer#encodeWithSpecialTokens}; the others (the whitespace-run tokens) always.
 * {@code normalized} only decides the matching pass, as in Hugging Face: tokens with {@code normalized=false}
 * are split out first, those with {@code normalized=true} afterwards in what remains.
 */
public record AddedToken(int id, String content, boolean special, boolean normalized) {
    public AddedToken {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("added token " + id + " has empty content");
        }
    }
}
