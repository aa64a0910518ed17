package ai.finetune.runtime.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON-lines files with a clear message naming the file, line and field on bad input. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The string fields {@code fields[0]} (or its alternatives) of every non-blank line. */
    static List<JsonNode> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": no such data file");
        }
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (!node.isObject()) {
                        throw new IOException("not a JSON object");
                    }
                    out.add(node);
                } catch (IOException e) {
                    throw new IOException(file + " line " + n + ": " + e.getMessage().lines().findFirst().orElse(""), e);
                }
            }
        }
        return out;
    }

    /** Field {@code name} (first of the alternatives present) as text; an error naming file and line if missing. */
    static String text(JsonNode node, Path file, int index, String... names) throws IOException {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        throw new IOException(file + " record " + (index + 1) + ": missing string field \"" + String.join("\" or \"", names)
                + "\"");
    }

    private JsonLines() {}
}
