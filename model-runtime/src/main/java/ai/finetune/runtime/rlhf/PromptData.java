package ai.finetune.runtime.rlhf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines with a {@code prompt} string per line (extra fields are ignored, so SFT, ranking and score files can
 * serve as prompt files), and optionally a {@code response} string.
 */
public final class PromptData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: the prompt, its response or null, the parsed line. */
    public record Row(String prompt, String response, JsonNode line) {}

    public static List<Row> read(Path file, boolean needResponse) throws IOException {
        List<Row> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + ":" + lineNo + ": not JSON: " + e.getMessage(), e);
            }
            if (!n.path("prompt").isTextual()) {
                throw new IOException(file + ":" + lineNo + ": missing string field \"prompt\"");
            }
            JsonNode r = n.has("response") ? n.get("response") : n.get("completion");
            if (needResponse && (r == null || !r.isTextual())) {
                throw new IOException(file + ":" + lineNo + ": missing string field \"response\"");
            }
            out.add(new Row(n.get("prompt").asText(), r == null || !r.isTextual() ? null : r.asText(), n));
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no prompts");
        }
        return out;
    }

    public static List<String> prompts(Path file) throws IOException {
        return read(file, false).stream().map(Row::prompt).toList();
    }

    private PromptData() {}
}
