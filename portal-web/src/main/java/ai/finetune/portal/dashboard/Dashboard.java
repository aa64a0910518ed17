package ai.finetune.portal.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dashboard's figures as the page, the CSV/JSON downloads and {@code /api/dashboards/*} all see them: a few
 * named facts ({@code info}: strings and numbers such as the baseline or the seed) and its tables.
 *
 * @param name    the dashboard's name in URLs ({@code win-rates}, {@code leaderboard}, {@code humaneval},
 *                {@code alignment}, {@code training-health})
 * @param missing for each empty table, what is missing and how to produce it (shown as the empty state)
 */
public record Dashboard(String name, Map<String, Object> info, List<Table<?>> tables, Map<String, String> missing) {
    public Dashboard {
        info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
        tables = List.copyOf(tables);
        missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    public Optional<Table<?>> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public <R extends Record> List<R> rows(String tableName, Class<R> type) {
        Table<?> t = table(tableName).orElseThrow(() -> new IllegalArgumentException("no table " + tableName));
        if (t.type() != type) {
            throw new IllegalArgumentException(tableName + " holds " + t.type().getSimpleName());
        }
        return (List<R>) t.rows();
    }
}
