package ai.finetune.portal.run;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;

/**
 * An evaluation worker's summary line (its last stdout line) -> evaluation_result.summary_json in the shape
 * docs/evaluation-results.md gives per kind. Only the contract's fields are copied (plus a few counts the CLI
 * reports), so that dashboards see one shape whatever the CLI adds later.
 */
final class EvaluationSummaries {
    private EvaluationSummaries() {
    }

    /** The evaluation_result kind of a run kind. */
    static String kind(RunKind kind) {
        return switch (kind) {
            case HUMANEVAL -> "HUMANEVAL";
            case TRUTHFULQA -> "TRUTHFULQA";
            case BBQ -> "BBQ";
            default -> throw new IllegalArgumentException(kind.command() + " is not an evaluation");
        };
    }

    static String of(RunKind kind, String summaryLine) {
        if (summaryLine == null || summaryLine.isBlank()) {
            throw new IllegalArgumentException("the worker printed no summary line");
        }
        JsonObject s;
        try (var reader = Json.createReader(new StringReader(summaryLine))) {
            s = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the worker's summary line is not a JSON object: " + e.getMessage());
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        List<String> required = switch (kind) {
            case HUMANEVAL -> List.of("temperature", "samplesPerTask", "problems", "passAtK");
            case TRUTHFULQA -> List.of("mc1", "chance", "questions", "correct");
            case BBQ -> List.of("items", "accuracy", "biasDisambiguated", "biasAmbiguous", "categories");
            default -> throw new IllegalArgumentException(kind.command() + " is not an evaluation");
        };
        for (String key : required) {
            if (!s.containsKey(key)) {
                throw new IllegalArgumentException("the worker's summary lacks '" + key + "'");
            }
            b.add(key, s.get(key));
        }
        for (String extra : List.of("results", "samples", "model")) {
            if (s.containsKey(extra)) {
                b.add(extra, s.get(extra));
            }
        }
        return b.build().toString();
    }
}
