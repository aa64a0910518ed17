package ai.finetune.portal.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reading the JSON objects other modules store (evaluation_result.summary_json, run_metric.row_json). Missing or
 * non-numeric fields are absent values, never zeros: a dashboard must not show a figure nobody measured.
 */
final class Summaries {
    private Summaries() {}

    /** The object, or empty when the text is not a JSON object (a truncated or hand-edited row). */
    static Optional<JsonObject> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            return v.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(v.asJsonObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Double number(JsonObject o, String key) {
        if (o == null || !(o.get(key) instanceof JsonNumber n)) {
            return null;
        }
        return n.doubleValue();
    }

    static Integer integer(JsonObject o, String key) {
        Double d = number(o, key);
        return d == null ? null : (int) Math.round(d);
    }

    static JsonObject object(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject x ? x : null;
    }
}
