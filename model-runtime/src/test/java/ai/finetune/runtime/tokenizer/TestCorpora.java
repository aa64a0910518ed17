package ai.finetune.runtime.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small corpora for tokenizer tests, all inside the repository so the tests run anywhere. */
final class TestCorpora {
    /** The held-out Python module in test resources (never used for training). */
    static String heldOutPython() {
        try (InputStream in = TestCorpora.class.getResourceAsStream("/tokenizer/heldout_sample.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This module's own Java sources (tests run in the module folder): prose comments plus code. */
    static List<String> javaSources() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tokenizer of {@code vocabSize} tokens trained on {@link #javaSources()}. */
    static BpeTokenizer trainedOnJavaSources(int vocabSize) {
        BpeTrainer trainer = new BpeTrainer(vocabSize, 2);
        javaSources().forEach(trainer::feed);
        return trainer.train();
    }

    private TestCorpora() {}
}
