package ai.finetune.runtime.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Codex's adaptation of a text tokenizer to code: added tokens for runs of whitespace, matched before BPE, so an
 * indented line costs one token of indentation instead of several. A text-trained BPE has few merges for space
 * runs (the 2,048-token hh-rlhf tokenizer spends one token per two spaces), which is where code loses most.
 *
 * <p>The set (97 tokens): runs of 2..32 spaces; runs of 2..8 tabs; a newline followed by 1..32 spaces or by 1..6
 * tabs; a blank line ({@code \n\n}) followed by an odd number 3..39 of spaces, so that after a blank line the
 * first word of an indented line keeps one space and matches the vocabulary's space-prefixed words
 * ({@code " def"}, {@code " return"}); two and three blank lines. Leftmost-longest matching takes the longest run
 * that fits; what remains of a longer run is matched again. The shape was chosen by token counts on the Python
 * standard library outside the held-out evaluation files.
 */
public final class WhitespaceTokens {
    public static final List<String> DEFAULT = build();

    private static List<String> build() {
        List<String> tokens = new ArrayList<>();
        for (int n = 2; n <= 32; n++) {
            tokens.add(" ".repeat(n));
        }
        for (int n = 2; n <= 8; n++) {
            tokens.add("\t".repeat(n));
        }
        for (int n = 1; n <= 32; n++) {
            tokens.add("\n" + " ".repeat(n));
        }
        for (int n = 1; n <= 6; n++) {
            tokens.add("\n" + "\t".repeat(n));
        }
        for (int n = 3; n <= 39; n += 2) {
            tokens.add("\n\n" + " ".repeat(n));
        }
        tokens.add("\n\n\n");
        tokens.add("\n\n\n\n");
        return List.copyOf(tokens);
    }

    private WhitespaceTokens() {}
}
