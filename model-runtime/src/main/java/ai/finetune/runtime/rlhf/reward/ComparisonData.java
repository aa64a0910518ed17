package ai.finetune.runtime.rlhf.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads comparisons from JSON Lines (optionally gzip, by the {@code .gz} suffix). Each line is one of:
 * <pre>
 *   {"prompt": "...", "responses": ["a", "b", "c", "d"], "ranking": [[0], [2, 3], [1]]}  K-way, best group first,
 *                                                                                   ties within a group
 *   {"prompt": "...", "responses": [...], "ranking": [2, 0, 1]}                    K-way, no ties (best first)
 *   {"prompt": "...", "chosen": "...", "rejected": "..."}                          one pair
 *   {"chosen": "\n\nHuman: ..\n\nAssistant: A", "rejected": "\n\nHuman: ..\n\nAssistant: B"}   hh-rlhf: the
 *        prompt is the longest shared prefix ending in "\n\nAssistant:"
 * </pre>
 * Errors name the file and line.
 */
public final class ComparisonData {
    static final String ASSISTANT = "\n\nAssistant:";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<Comparison> read(Path file) throws IOException {
        List<Comparison> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parse(JSON.readTree(line)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no comparisons");
        }
        return out;
    }

    static Comparison parse(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        if (n.has("responses")) {
            String prompt = text(n, "prompt");
            JsonNode rs = n.get("responses");
            if (!rs.isArray()) {
                throw new IllegalArgumentException("\"responses\" must be an array of strings");
            }
            List<String> responses = new ArrayList<>();
            for (JsonNode x : rs) {
                if (!x.isTextual()) {
                    throw new IllegalArgumentException("\"responses\" must be an array of strings");
                }
                responses.add(x.asText());
            }
            JsonNode rk = n.get("ranking");
            if (rk == null || !rk.isArray()) {
                throw new IllegalArgumentException("missing \"ranking\" (an array of response indices or groups)");
            }
            int[][] groups = new int[rk.size()][];
            for (int g = 0; g < rk.size(); g++) {
                JsonNode x = rk.get(g);
                if (x.isInt()) {
                    groups[g] = new int[] {x.asInt()};
                } else if (x.isArray()) {
                    groups[g] = new int[x.size()];
                    for (int j = 0; j < x.size(); j++) {
                        if (!x.get(j).isInt()) {
                            throw new IllegalArgumentException("\"ranking\" group " + g + " holds a non-integer");
                        }
                        groups[g][j] = x.get(j).asInt();
                    }
                } else {
                    throw new IllegalArgumentException("\"ranking\" entry " + g + " is neither an index nor a group");
                }
            }
            return new Comparison(prompt, responses, groups);
        }
        String chosen = text(n, "chosen");
        String rejected = text(n, "rejected");
        if (n.has("prompt")) {
            return Comparison.pair(text(n, "prompt"), chosen, rejected);
        }
        // the prompt is the longest shared prefix that ends with an Assistant turn marker (a few hh-rlhf rows
        // continue the dialogue inside one response, so "the last marker of each" would differ)
        int common = 0;
        int max = Math.min(chosen.length(), rejected.length());
        while (common < max && chosen.charAt(common) == rejected.charAt(common)) {
            common++;
        }
        int at = chosen.substring(0, common).lastIndexOf(ASSISTANT);
        if (at < 0) {
            throw new IllegalArgumentException("no \"prompt\" field, and chosen and rejected share no prefix ending in "
                    + "an \"" + ASSISTANT.strip() + "\" turn");
        }
        int end = at + ASSISTANT.length();
        return Comparison.pair(chosen.substring(0, end), chosen.substring(end), rejected.substring(end));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing string field \"" + key + "\"");
        }
        return v.asText();
    }

    private ComparisonData() {}
}
