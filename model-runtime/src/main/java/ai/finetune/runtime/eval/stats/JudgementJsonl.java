package ai.finetune.runtime.eval.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads A/B judgements from JSON Lines, one object per line:
 * <pre>
 * {"prompt": "p17", "category": "generation", "modelA": "ppo-1.3b", "modelB": "sft-1.3b",
 *  "preference": "A", "lengthA": 182, "lengthB": 95}
 * </pre>
 * {@code preference} is A, B, tie or both_bad; {@code prompt}, {@code category} and the lengths may be omitted.
 * Blank lines are skipped. A malformed line is an error naming the file and line number.
 */
public final class JudgementJsonl {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JudgementJsonl() {}

    public static List<Judgement> read(Path file) throws IOException {
        List<Judgement> judgements = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    judgements.add(parse(MAPPER.readTree(line)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException(file + ":" + number + ": bad judgement: " + e.getMessage(), e);
                }
            }
        }
        return judgements;
    }

    static Judgement parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return new Judgement(text(node, "prompt"), text(node, "category"), required(node, "modelA"),
                required(node, "modelB"), Preference.parse(required(node, "preference")), length(node, "lengthA"),
                length(node, "lengthB"));
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer length(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer, got " + v);
        }
        return v.intValue();
    }
}
