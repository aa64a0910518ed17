package ai.finetune.portal.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * JSON for dashboards with JSON-P (the container's implementation; Jackson is not in the WAR): a flat record
 * becomes an object with one field per component, named as the component, which is also the CSV header
 * ({@link ai.finetune.runtime.eval.stats.CsvExport}). Non-finite doubles and nulls become JSON null.
 */
public final class RecordJson {
    private RecordJson() {}

    public static JsonObject dashboard(Dashboard d) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("dashboard", d.name());
        d.info().forEach((k, v) -> add(b, k, v));
        JsonObjectBuilder tables = Json.createObjectBuilder();
        for (Table<?> t : d.tables()) {
            tables.add(t.name(), rows(t.rows()));
        }
        b.add("tables", tables);
        JsonObjectBuilder missing = Json.createObjectBuilder();
        d.missing().forEach(missing::add);
        return b.add("missing", missing).build();
    }

    public static JsonObject table(Dashboard d, Table<?> t) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("dashboard", d.name()).add("table", t.name());
        d.info().forEach((k, v) -> add(b, k, v));
        return b.add("rows", rows(t.rows())).build();
    }

    static JsonArrayBuilder rows(List<? extends Record> rows) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Record r : rows) {
            a.add(object(r));
        }
        return a;
    }

    static JsonObjectBuilder object(Record r) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                add(b, c.getName(), c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
            }
        }
        return b;
    }

    static void add(JsonObjectBuilder b, String key, Object v) {
        if (v == null) {
            b.addNull(key);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                b.addNull(key);
            } else {
                b.add(key, d);
            }
        } else if (v instanceof Float f) {
            add(b, key, f.doubleValue());
        } else if (v instanceof Integer i) {
            b.add(key, i);
        } else if (v instanceof Long l) {
            b.add(key, l);
        } else if (v instanceof Boolean x) {
            b.add(key, x);
        } else if (v instanceof Record r) {
            b.add(key, object(r));
        } else if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            m.forEach((k, x) -> add(o, String.valueOf(k), x));
            b.add(key, o);
        } else if (v instanceof List<?> list) {
            b.add(key, listOf(list));
        } else {
            b.add(key, v.toString());
        }
    }

    private static JsonArrayBuilder listOf(List<?> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Object x : list) {
            JsonObjectBuilder holder = Json.createObjectBuilder();
            add(holder, "v", x);
            a.add(holder.build().get("v"));
        }
        return a;
    }
}
