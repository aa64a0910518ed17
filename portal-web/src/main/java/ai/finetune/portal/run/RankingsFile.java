package ai.finetune.portal.run;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reward model's training file, in the form model-runtime's reward-train reads ({@code prompt, responses,
 * ranking}). A RANKINGS dataset spells the completions {@code completions}; the labelers' K-way export (labeler-ui's
 * RankingExport) gives a dense rank per completion (1 = best, ties share), turned here into best-first groups.
 */
final class RankingsFile {
    static final String NAME = "rankings.jsonl";

    private RankingsFile() {
    }

    /**
     * A RANKINGS dataset's lines as reward-train reads them: {@code responses} as stored, or {@code completions}
     * renamed; the ranking as given (flat best-first indices or best-first groups, both read by reward-train).
     */
    static int fromDataset(Path dataset, Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dataset, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o = parse(line);
            JsonValue responses = o.containsKey("responses") ? o.get("responses") : o.get("completions");
            lines.add(Json.createObjectBuilder().add("prompt", o.get("prompt")).add("responses", responses)
                    .add("ranking", o.get("ranking")).build().toString());
        }
        write(out, lines);
        return lines.size();
    }

    /**
     * The labelers' submitted rankings (RankingExport.kWay lines). A ranking whose outputs are all tied carries no
     * preference and is left out (reward-train rejects it).
     */
    static int fromLabelers(List<String> exportLines, Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : exportLines) {
            JsonObject o = parse(line);
            JsonArray groups = groups(o.getJsonArray("ranks"));
            if (groups.size() < 2) {
                continue;
            }
            lines.add(Json.createObjectBuilder().add("prompt", o.getString("prompt"))
                    .add("responses", o.getJsonArray("completions")).add("ranking", groups).build().toString());
        }
        write(out, lines);
        return lines.size();
    }

    /** Dense ranks per completion -> groups of completion indices, best rank first. */
    static JsonArray groups(JsonArray ranks) {
        Map<Integer, List<Integer>> byRank = new TreeMap<>();
        for (int i = 0; i < ranks.size(); i++) {
            JsonValue v = ranks.get(i);
            int rank = v instanceof JsonNumber n ? n.intValue() : Integer.MAX_VALUE;
            byRank.computeIfAbsent(rank, r -> new ArrayList<>()).add(i);
        }
        JsonArrayBuilder b = Json.createArrayBuilder();
        byRank.values().forEach(g -> {
            JsonArrayBuilder group = Json.createArrayBuilder();
            g.forEach(group::add);
            b.add(group);
        });
        return b.build();
    }

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    private static void write(Path out, List<String> lines) throws IOException {
        Files.createDirectories(out.getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
