package ai.finetune.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Overrides fields of a config record from {@code --field=value} options spelled like the record's components
 * ({@code --learningRate=3e-4}, {@code --layers=6}), so a name is spelled once: in the record.
 */
final class RecordOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A copy of {@code base} with every component that {@code options} names replaced; {@code skip} not read. */
    static <T> T apply(T base, Options options, Set<String> skip) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) base.getClass();
        ObjectNode node = JSON.valueToTree(base);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (skip.contains(key) || !options.has(key)) {
                continue;
            }
            var current = node.get(key);
            if (current.isIntegralNumber()) {
                node.put(key, options.longValue(key, 0));
            } else if (current.isNumber()) {
                node.put(key, options.decimal(key, 0));
            } else if (current.isBoolean()) {
                node.put(key, options.bool(key, false));
            } else {
                node.put(key, options.string(key, ""));
            }
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new UsageException(options.command() + ": " + root.getMessage());
        }
    }

    /** A copy of {@code base} with one numeric component replaced. */
    static <T> T with(T base, String key, long value) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) base.getClass();
        ObjectNode node = JSON.valueToTree(base);
        node.put(key, value);
        try {
            return JSON.treeToValue(node, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Help lines: each component and its default. */
    static String describe(Object defaults, Set<String> skip) {
        StringBuilder sb = new StringBuilder();
        ObjectNode node = JSON.valueToTree(defaults);
        node.fieldNames().forEachRemaining(k -> {
            if (!skip.contains(k)) {
                sb.append(String.format("  --%s=%s%n", k, node.get(k).asText()));
            }
        });
        return sb.toString();
    }

    private RecordOptions() {}
}
