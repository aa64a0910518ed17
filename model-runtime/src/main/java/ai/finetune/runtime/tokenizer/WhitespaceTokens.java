package ai.finetune.runtime.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Codex's adaptation of a text tokenizer to code: added tokens for runs of whitespace, matched before BPE, so an
 * indented line costs one token of indentation instead of several. A text-trained BPE has no merges for long
 * space runs (GPT-2 spends one token per 1-4 spaces), which is where code loses most.
 *
 * <p>The set: runs of 2..16 spaces and 20, 24, 28, 32 spaces; runs of 2..8 tabs; a newline followed by 1..16
 * spaces, by 20, 24, 28, 32 spaces, or by 1..6 tabs; two newlines followed by 4 or 8 spaces (a blank line inside
 * an indented block). Leftmost-longest matching takes the longest run that fits; what remains of a longer run
 * is matched again.
 */
public final class WhitespaceTokens {
    public static final List<String> DEFAULT = build();

    private static List<String> build() {
        List<String> tokens = new ArrayList<>();
        List<Integer> spaceRuns = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            spaceRuns.add(n);
        }
        spaceRuns.addAll(List.of(20, 24, 28, 32));
        for (int n : spaceRuns) {
            if (n >= 2) {
                tokens.add(" ".repeat(n));
            }
        }
        for (int n = 2; n <= 8; n++) {
            tokens.add("\t".repeat(n));
        }
        for (int n : spaceRuns) {
            tokens.add("\n" + " ".repeat(n));
        }
        for (int n = 1; n <= 6; n++) {
            tokens.add("\n" + "\t".repeat(n));
        }
        tokens.add("\n\n" + " ".repeat(4));
        tokens.add("\n\n" + " ".repeat(8));
        return List.copyOf(tokens);
    }

    private WhitespaceTokens() {}
}
