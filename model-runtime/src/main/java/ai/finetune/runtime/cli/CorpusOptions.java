package ai.finetune.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Option helpers shared by the corpus and tokenizer commands. */
final class CorpusOptions {
    /** A comma-separated option value as a list; empty for "". */
    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A missing input is a usage error that names the option and the path. */
    static void requireExists(String command, String option, Path path) {
        if (!Files.exists(path)) {
            throw new UsageException(command + ": --" + option + "=" + path + ": no such file or folder");
        }
    }

    private CorpusOptions() {}
}
