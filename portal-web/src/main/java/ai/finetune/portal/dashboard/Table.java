package ai.finetune.portal.dashboard;

import java.util.List;

/**
 * The rows behind one chart or table of a dashboard: flat records, so that the CSV export (one column per record
 * component) and the JSON export (one field per component) carry the same numbers under the same names.
 *
 * @param name  the table's name in export URLs and in the dashboard's JSON ({@code win-rates}, {@code ratings}, ...)
 * @param title what the page calls it
 */
public record Table<R extends Record>(String name, String title, Class<R> type, List<R> rows) {
    public Table {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
