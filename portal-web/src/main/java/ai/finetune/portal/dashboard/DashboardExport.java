package ai.finetune.portal.dashboard;

import ai.finetune.runtime.eval.stats.CsvExport;
import java.util.Locale;

/**
 * The downloads of a dashboard, shared by the pages' links ({@link DashboardExportServlet}) and
 * {@code /api/dashboards/*} ({@link DashboardsResource}): JSON of the whole dashboard or of one table, CSV of one
 * table (its first when none is named).
 */
public final class DashboardExport {
    public enum Format {
        JSON("application/json"), CSV("text/csv");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** json (also when null or blank) or csv. */
        public static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return JSON;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format must be json or csv, not '" + text + "'");
            }
        }
    }

    private DashboardExport() {}

    /** The body; {@code table} null means the whole dashboard (JSON) or its first table (CSV). */
    public static String render(Dashboard d, String table, Format format) {
        Table<?> t = table == null || table.isBlank() ? null : d.table(table).orElseThrow(() ->
                new IllegalArgumentException("dashboard " + d.name() + " has no table '" + table + "'; tables: "
                        + String.join(", ", d.tables().stream().map(Table::name).toList())));
        if (format == Format.CSV) {
            Table<?> chosen = t == null ? d.tables().get(0) : t;
            return csv(chosen);
        }
        return (t == null ? RecordJson.dashboard(d) : RecordJson.table(d, t)).toString();
    }

    static <R extends Record> String csv(Table<R> t) {
        return CsvExport.toCsv(t.rows(), t.type());
    }

    /** The download's file name, e.g. {@code win-rates-by-category.csv}. */
    public static String fileName(Dashboard d, String table, Format format) {
        String base = table == null || table.isBlank() || table.equals(d.name()) ? d.name() : d.name() + "-" + table;
        return base + "." + format.name().toLowerCase(Locale.ROOT);
    }
}
