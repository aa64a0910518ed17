package ai.finetune.runtime.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Text to token ids and back. Every model checkpoint carries one, saved as a Hugging Face {@code tokenizer.json}.
 * Special tokens are never produced by {@link #encode} from ordinary text; callers insert their ids.
 */
public interface Tokenizer {
    /** End of a document; also what a sampler stops on. */
    String END_OF_TEXT = "<|endoftext|>";

    /** Boundary between a prompt and its response (SFT, reward model, PPO). */
    String RESPONSE = "<|response|>";

    /** Token ids of {@code text}; special-token strings in the text are treated as plain text. */
    int[] encode(String text);

    /** Text of {@code ids}; special tokens decode to their strings. */
    String decode(int[] ids);

    int vocabSize();

    int endOfTextId();

    int responseId();

    /** Writes a Hugging Face {@code tokenizer.json} atomically (temp file then rename). */
    void save(Path tokenizerJson) throws IOException;
}
