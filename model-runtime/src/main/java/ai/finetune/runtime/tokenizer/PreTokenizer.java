package ai.finetune.runtime.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenization: the text is cut into words (contractions, letters with an optional leading space,
 * digits, punctuation, whitespace) before BPE, and merges never cross a word boundary. This is the regex of
 * Hugging Face's ByteLevel pre-tokenizer ({@code use_regex: true}). {@code \s} must be Unicode-aware, as it is in
 * the Rust library (Oniguruma), hence {@link Pattern#UNICODE_CHARACTER_CLASS}.
 */
public final class PreTokenizer {
    static final Pattern GPT2 = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** Calls {@code sink} with each word of {@code text} in order; the words concatenate to the text. */
    public static void split(CharSequence text, Consumer<String> sink) {
        Matcher m = GPT2.matcher(text);
        while (m.find()) {
            sink.accept(m.group());
        }
    }

    public static List<String> split(CharSequence text) {
        List<String> words = new ArrayList<>();
        split(text, words::add);
        return words;
    }

    private PreTokenizer() {}
}
