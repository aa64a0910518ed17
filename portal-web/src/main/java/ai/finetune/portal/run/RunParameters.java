package ai.finetune.portal.run;

import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a run form, named and defaulted by model-runtime's config records ({@link TrainConfig},
 * {@link GptConfig}): one spelling of each option everywhere, defaults in one place. Validation builds the records
 * themselves, so the ranges are the trainer's own.
 */
public final class RunParameters {
    /** Model-shape options a fresh pretraining run takes (vocabSize comes from the tokenizer). */
    static final List<String> MODEL_OPTIONS = List.of("layers", "heads", "width", "context", "dropout");
    /** The largest run a form accepts: far beyond what a CPU trains in a day, small enough to catch a typo. */
    static final int MAX_STEPS_LIMIT = 10_000_000;

    private RunParameters() {
    }

    /** Every option of {@code kind} with its default, in form order. */
    public static Map<String, String> defaults(RunKind kind) {
        Map<String, String> d = new LinkedHashMap<>();
        if (kind == RunKind.PRETRAIN) {
            GptConfig g = GptConfig.defaults(1);
            for (String name : MODEL_OPTIONS) {
                d.put(name, String.valueOf(component(g, name)));
            }
        }
        TrainConfig t = kind == RunKind.SFT ? TrainConfig.sftDefaults() : TrainConfig.pretrainDefaults();
        for (RecordComponent c : TrainConfig.class.getRecordComponents()) {
            d.put(c.getName(), String.valueOf(component(t, c.getName())));
        }
        return d;
    }

    /**
     * The resolved options: defaults overlaid with {@code given}; unknown names, unparsable numbers and values the
     * config records reject give a {@link RunException} naming the option.
     */
    public static Map<String, String> resolve(RunKind kind, Map<String, String> given) throws RunException {
        Map<String, String> resolved = defaults(kind);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!resolved.containsKey(e.getKey())) {
                throw new RunException(e.getKey() + ": not an option of " + kind.command() + " (known: "
                        + String.join(", ", resolved.keySet()) + ")");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new RunException(e.getKey() + ": a value is required");
            }
            resolved.put(e.getKey(), e.getValue().strip());
        }
        TrainConfig train = build(TrainConfig.class, resolved, Map.of());
        if (train.maxSteps() > MAX_STEPS_LIMIT) {
            throw new RunException("maxSteps: at most " + MAX_STEPS_LIMIT + ", got " + train.maxSteps());
        }
        if (kind == RunKind.PRETRAIN) {
            GptConfig g = build(GptConfig.class, resolved, Map.of("vocabSize", "1", "activation", GptConfig.GELU));
            if (train.seqLen() > g.context()) {
                throw new RunException("seqLen: at most the model's context (" + g.context() + "), got "
                        + train.seqLen());
            }
        }
        return resolved;
    }

    private static <T extends Record> T build(Class<T> type, Map<String, String> values, Map<String, String> fixed)
            throws RunException {
        RecordComponent[] cs = type.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            String name = cs[i].getName();
            types[i] = cs[i].getType();
            String v = fixed.containsKey(name) ? fixed.get(name) : values.get(name);
            args[i] = parse(name, v, types[i]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            String m = e.getCause().getMessage();
            throw new RunException(m == null ? e.getCause().toString() : m.replaceFirst("^\\w+Config: ", ""));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(String name, String v, Class<?> type) throws RunException {
        try {
            if (type == int.class) {
                return Integer.parseInt(v);
            }
            if (type == long.class) {
                return Long.parseLong(v);
            }
            if (type == double.class) {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            }
            return v;
        } catch (NumberFormatException | NullPointerException e) {
            throw new RunException(name + ": expected " + (type == double.class ? "a number" : "a whole number")
                    + ", got '" + v + "'");
        }
    }

    private static Object component(Record r, String name) {
        try {
            return r.getClass().getMethod(name).invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
