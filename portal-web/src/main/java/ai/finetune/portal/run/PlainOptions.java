package ai.finetune.portal.run;

import ai.finetune.runtime.sampling.SamplingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of the run kinds whose CLI commands read plain options rather than a config record (sampling and the
 * evaluations): name, default (null: optional, left out unless given), type and range, spelled as the CLI spells
 * them. Defaults are the CLI's own, except K = 4 samples per prompt for ranking tasks (InstructGPT: K = 4..9).
 */
final class PlainOptions {
    enum Type { INT, DECIMAL, TEXT, INT_LIST }

    record Spec(String name, String defaultValue, Type type, double min, double max) {
        static Spec of(String name, Object def, Type type, double min, double max) {
            return new Spec(name, def == null ? null : String.valueOf(def), type, min, max);
        }
    }

    private static final double INF = Double.MAX_VALUE;

    private PlainOptions() {
    }

    static List<Spec> of(RunKind kind) {
        SamplingConfig s = SamplingConfig.defaults();
        return switch (kind) {
            case SAMPLE_COMPARISONS -> List.of(
                    Spec.of("n", 4, Type.INT, 4, 9), // a ranking task holds 4 to 9 outputs
                    Spec.of("temperature", 1.0, Type.DECIMAL, 0, 10),
                    Spec.of("topP", s.topP(), Type.DECIMAL, 1e-9, 1),
                    Spec.of("topK", s.topK(), Type.INT, 0, INF),
                    Spec.of("maxNewTokens", s.maxNewTokens(), Type.INT, 1, 4096),
                    Spec.of("stop", "none", Type.TEXT, 0, 0),
                    Spec.of("seed", s.seed(), Type.INT, 0, INF),
                    Spec.of("limit", null, Type.INT, 1, INF));
            case HUMANEVAL -> List.of(
                    Spec.of("n", 10, Type.INT, 1, 1000),
                    Spec.of("temperature", 0.2, Type.DECIMAL, 0, 10),
                    Spec.of("topP", 0.95, Type.DECIMAL, 1e-9, 1),
                    Spec.of("maxTokens", 300, Type.INT, 1, 4096),
                    Spec.of("batch", 10, Type.INT, 1, 1000),
                    Spec.of("seed", 0, Type.INT, 0, INF),
                    Spec.of("k", "1,10,100", Type.INT_LIST, 1, INF),
                    Spec.of("timeout", 3.0, Type.DECIMAL, 0.1, 600),
                    Spec.of("limit", null, Type.INT, 1, INF),
                    Spec.of("workers", null, Type.INT, 1, 256));
            case TRUTHFULQA -> List.of(Spec.of("limit", null, Type.INT, 1, INF));
            case BBQ -> List.of(
                    Spec.of("seed", 1, Type.INT, 0, INF),
                    Spec.of("perCategory", null, Type.INT, 1, INF),
                    Spec.of("categories", null, Type.TEXT, 0, 0));
            default -> List.of();
        };
    }

    static Map<String, String> defaults(RunKind kind) {
        Map<String, String> d = new LinkedHashMap<>();
        of(kind).forEach(spec -> d.put(spec.name(), spec.defaultValue()));
        return d;
    }

    /** Checks one value against its spec; the message names the option. */
    static void check(Spec spec, String value) throws RunException {
        switch (spec.type()) {
            case TEXT -> {
                if (value.contains("\n")) {
                    throw new RunException(spec.name() + ": one line expected");
                }
            }
            case INT_LIST -> {
                for (String part : value.split(",")) {
                    number(spec, part.strip(), true);
                }
            }
            default -> number(spec, value, spec.type() == Type.INT);
        }
    }

    private static void number(Spec spec, String value, boolean whole) throws RunException {
        double v;
        try {
            v = whole ? Long.parseLong(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new RunException(spec.name() + ": expected " + (whole ? "a whole number" : "a number") + ", got '"
                    + value + "'");
        }
        if (!(v >= spec.min() && v <= spec.max())) {
            throw new RunException(spec.name() + ": must be " + (spec.max() == INF ? "at least " + fmt(spec.min())
                    : "between " + fmt(spec.min()) + " and " + fmt(spec.max())) + ", got " + value);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
