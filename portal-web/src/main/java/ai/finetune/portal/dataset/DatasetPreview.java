package ai.finetune.portal.dataset;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The first records of a stored dataset as a table: one column per field (in the stored order), strings as they
 * are, arrays as compact JSON, long values cut. The page prints the cells escaped.
 */
public record DatasetPreview(List<String> columns, List<List<String>> rows) {
    static final int MAX_CELL = 400;

    static DatasetPreview read(BufferedReader r, int n) throws IOException {
        List<String> columns = new ArrayList<>();
        List<JsonObject> records = new ArrayList<>();
        for (String l; records.size() < n && (l = r.readLine()) != null; ) {
            if (l.isBlank()) {
                continue;
            }
            try (var reader = Json.createReader(new StringReader(l))) {
                JsonObject o = reader.readObject();
                o.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add);
                records.add(o);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonObject o : records) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                row.add(cell(o.get(c)));
            }
            rows.add(row);
        }
        return new DatasetPreview(List.copyOf(columns), rows);
    }

    private static String cell(JsonValue v) {
        String s = v == null ? "" : v instanceof JsonString js ? js.getString() : v.toString();
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL) + " ...";
    }

    /** Column indexes, for the page's column loop. */
    public List<Integer> getColumnIndexes() {
        return java.util.stream.IntStream.range(0, columns.size()).boxed().toList();
    }

    public List<String> getColumns() {
        return columns;
    }

    public List<List<String>> getRows() {
        return rows;
    }
}
