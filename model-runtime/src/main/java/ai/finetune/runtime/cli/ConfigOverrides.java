package ai.finetune.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * The RLHF commands' {@code --field=value} overrides of a config record ({@code PpoConfig}, {@code RewardConfig}),
 * spelled like the record's components, and the help lines listing them with their defaults.
 */
final class ConfigOverrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    static <T> T apply(T base, Options options) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) base.getClass();
        ObjectNode node = JSON.valueToTree(base);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!options.has(key)) {
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

    static String describe(Object defaults) {
        StringBuilder sb = new StringBuilder();
        ObjectNode node = JSON.valueToTree(defaults);
        node.fieldNames().forEachRemaining(k -> sb.append(String.format("  --%-22s default %s%n", k + "=",
                node.get(k))));
        return sb.toString();
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigOverrides() {}
}
