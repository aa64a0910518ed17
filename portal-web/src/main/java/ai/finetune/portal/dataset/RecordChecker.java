package ai.finetune.portal.dataset;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one record of a {@link DatasetKind} and returns it normalised: exactly the fields that model-runtime's
 * readers take for that kind ({@code sft}: prompt/response; {@code reward-train}: prompt/responses/ranking groups
 * or chosen/rejected; HumanEval: the five problem fields). Every message names the line and the field. One
 * instance per upload: HumanEval task ids must be unique within the file.
 */
final class RecordChecker {
    static final int MIN_K = 4;
    static final int MAX_K = 9;
    /** hh-rlhf turn marker: without a prompt field, reward-train takes the shared prefix up to the last one. */
    static final String ASSISTANT = "\n\nAssistant:";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DatasetKind kind;
    private final Map<String, Long> taskIds = new HashMap<>();

    RecordChecker(DatasetKind kind) {
        this.kind = kind;
    }

    JsonObject check(JsonObject o, long line) throws DatasetException {
        return switch (kind) {
            case RANKINGS -> ranking(o, line);
            case HUMANEVAL -> humanEval(o, line);
            case COMPARISONS -> comparison(o, line);
            default -> strings(o, line);
        };
    }

    /** PROMPTS, DEMONSTRATIONS, CODE: the kind's fields, each a non-empty string. */
    private JsonObject strings(JsonObject o, long line) throws DatasetException {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String field : kind.required()) {
            // demonstrations: 'completion' is what many SFT files call the response; sft reads both
            String name = field.equals("response") && !o.containsKey("response") && o.containsKey("completion")
                    ? "completion" : field;
            b.add(field, text(o, name, line, true));
        }
        return b.build();
    }

    private JsonObject comparison(JsonObject o, long line) throws DatasetException {
        String chosen = text(o, "chosen", line, true);
        String rejected = text(o, "rejected", line, true);
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (present(o, "prompt")) {
            b.add("prompt", text(o, "prompt", line, true));
        } else if (sharedDialogue(chosen, rejected) < 0) {
            throw new DatasetException(at(line, "chosen") + "without a 'prompt' field, chosen and rejected must "
                    + "share the dialogue up to an 'Assistant:' turn (hh-rlhf format), but they do not");
        }
        return b.add("chosen", chosen).add("rejected", rejected).build();
    }

    /** Where the shared hh-rlhf dialogue of a pair ends (after the last common Assistant marker), or -1. */
    static int sharedDialogue(String chosen, String rejected) {
        int common = 0;
        int max = Math.min(chosen.length(), rejected.length());
        while (common < max && chosen.charAt(common) == rejected.charAt(common)) {
            common++;
        }
        int at = chosen.substring(0, common).lastIndexOf(ASSISTANT);
        return at < 0 ? -1 : at + ASSISTANT.length();
    }

    private JsonObject humanEval(JsonObject o, long line) throws DatasetException {
        String taskId = text(o, "task_id", line, true);
        String entryPoint = text(o, "entry_point", line, true);
        if (!IDENTIFIER.matcher(entryPoint).matches()) {
            throw new DatasetException(at(line, "entry_point") + "expected a Python function name, got '"
                    + clip(entryPoint) + "'");
        }
        Long first = taskIds.putIfAbsent(taskId, line);
        if (first != null) {
            throw new DatasetException(at(line, "task_id") + "'" + clip(taskId) + "' already appears on line " + first);
        }
        // model-runtime's problem reader requires canonical_solution: an absent one is stored as ""
        String solution = present(o, "canonical_solution") ? text(o, "canonical_solution", line, false) : "";
        return Json.createObjectBuilder().add("task_id", taskId).add("prompt", text(o, "prompt", line, true))
                .add("entry_point", entryPoint).add("test", text(o, "test", line, true))
                .add("canonical_solution", solution).build();
    }

    /** Stored as reward-train reads K-way rankings: {@code {"prompt", "responses", "ranking": [[best..], ..]}}. */
    private JsonObject ranking(JsonObject o, long line) throws DatasetException {
        String prompt = text(o, "prompt", line, true);
        String field = !o.containsKey("completions") && o.containsKey("responses") ? "responses" : "completions";
        JsonArray completions = completions(o, field, line);
        int[][] groups = Rankings.parse(o, completions.size(), line);
        return Json.createObjectBuilder().add("prompt", prompt).add("responses", completions)
                .add("ranking", Rankings.toJson(groups)).build();
    }

    private static JsonArray completions(JsonObject o, String field, long line) throws DatasetException {
        String expected = "expected an array of " + MIN_K + " to " + MAX_K + " strings";
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new DatasetException("line " + line + ": missing field '" + field + "' (" + expected + ")");
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new DatasetException(at(line, field) + expected + ", got " + describe(v));
        }
        JsonArray a = v.asJsonArray();
        if (a.size() < MIN_K || a.size() > MAX_K) {
            throw new DatasetException(at(line, field) + expected + ", got " + a.size());
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).getValueType() != JsonValue.ValueType.STRING) {
                throw new DatasetException(at(line, field) + expected + ", but item " + i + " is "
                        + describe(a.get(i)));
            }
        }
        return a;
    }

    /** A string field; {@code nonEmpty}: blank is refused too. */
    static String text(JsonObject o, String field, long line, boolean nonEmpty) throws DatasetException {
        if (!present(o, field)) {
            throw new DatasetException("line " + line + ": missing field '" + field + "'");
        }
        JsonValue v = o.get(field);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new DatasetException(at(line, field) + "expected a string, got " + describe(v));
        }
        String s = ((JsonString) v).getString();
        if (nonEmpty && s.isBlank()) {
            throw new DatasetException(at(line, field) + "is empty");
        }
        return s;
    }

    static boolean present(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    static String at(long line, String field) {
        return "line " + line + ": field '" + field + "': ";
    }

    /** "a number", "an array of 3", ... as the messages say it. */
    static String describe(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array of " + v.asJsonArray().size();
        };
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
