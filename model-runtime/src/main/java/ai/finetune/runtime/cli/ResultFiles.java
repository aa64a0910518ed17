package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.stats.CsvExport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes evaluation results as the files the portal imports: pretty JSON for reports, CSV for tables. */
final class ResultFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {}

    static void json(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        PRETTY.writeValue(file.toFile(), value);
    }

    static <R extends Record> void csv(Path file, List<R> rows, Class<R> type) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvExport.write(rows, type, out);
        }
    }

    /** Prints the one-line JSON summary that ends every command's stdout. */
    static void summary(Object value) throws IOException {
        System.out.println(JSON.writeValueAsString(value));
    }
}
