package ai.finetune.portal.run;

import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.rlhf.ppo.PpoConfig;
import ai.finetune.runtime.rlhf.reward.RewardConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a run form, named and defaulted by model-runtime's config records ({@link TrainConfig},
 * {@link GptConfig}, {@link RewardConfig}, {@link PpoConfig}) or, for commands without one, by {@link PlainOptions}:
 * one spelling of each option everywhere, defaults in one place. Validation builds the records themselves, so the
 * ranges are the trainer's own. An option whose default is null is optional: left out unless given.
 */
public final class RunParameters {
    /** Model-shape options a fresh pretraining run takes (vocabSize comes from the tokenizer). */
    static final List<String> MODEL_OPTIONS = List.of("layers", "heads", "width", "context", "dropout");
    /** The largest run a form accepts: far beyond what a CPU trains in a day, small enough to catch a typo. */
    static final int MAX_STEPS_LIMIT = 10_000_000;
    /** ppo: the CODE dataset whose text PPO-ptx mixes in (the portal turns it into {@code --ptxData=<path>}). */
    public static final String PTX_DATASET = "ptxDataset";

    private RunParameters() {
    }

    /** Every option of {@code kind} with its default, in form order. */
    public static Map<String, String> defaults(RunKind kind) {
        Map<String, String> d = new LinkedHashMap<>();
        switch (kind) {
            case REWARD_MODEL -> {
                putRecord(d, RewardConfig.defaults());
                d.put("maxComparisons", null);
                return d;
            }
            case PPO -> {
                putRecord(d, PpoConfig.defaults());
                d.put(PTX_DATASET, null);
                return d;
            }
            case PRETRAIN, SFT -> {
            }
            default -> {
                return PlainOptions.defaults(kind);
            }
        }
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
        Map<String, String> defaults = defaults(kind);
        Map<String, String> resolved = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!resolved.containsKey(e.getKey())) {
                throw new RunException(e.getKey() + ": not an option of " + kind.command() + " (known: "
                        + String.join(", ", resolved.keySet()) + ")");
            }
            boolean optional = defaults.get(e.getKey()) == null;
            if (e.getValue() == null || e.getValue().isBlank()) {
                if (optional) {
                    resolved.put(e.getKey(), null);
                    continue;
                }
                throw new RunException(e.getKey() + ": a value is required");
            }
            resolved.put(e.getKey(), e.getValue().strip());
        }
        resolved.values().removeIf(java.util.Objects::isNull);
        switch (kind) {
            case PRETRAIN, SFT -> checkTraining(kind, resolved);
            case REWARD_MODEL -> {
                build(RewardConfig.class, resolved, Map.of());
                positive(resolved, "maxComparisons");
            }
            case PPO -> {
                build(PpoConfig.class, resolved, Map.of());
                positive(resolved, PTX_DATASET);
            }
            default -> {
                for (PlainOptions.Spec spec : PlainOptions.of(kind)) {
                    if (resolved.containsKey(spec.name())) {
                        PlainOptions.check(spec, resolved.get(spec.name()));
                    }
                }
            }
        }
        return resolved;
    }

    /** The progress bar's total: optimizer steps, PPO iterations or prompts to sample; 0 where not known ahead. */
    public static int totalSteps(RunKind kind, Map<String, String> resolved) {
        return switch (kind) {
            case PRETRAIN, SFT -> Integer.parseInt(resolved.get("maxSteps"));
            case PPO -> Integer.parseInt(resolved.get("iterations"));
            case SAMPLE_COMPARISONS -> resolved.containsKey("limit") ? Integer.parseInt(resolved.get("limit")) : 0;
            default -> 0;
        };
    }

    private static void positive(Map<String, String> resolved, String name) throws RunException {
        String v = resolved.get(name);
        if (v == null) {
            return;
        }
        try {
            if (Long.parseLong(v) >= 1) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RunException(name + ": expected a whole number of at least 1, got '" + v + "'");
    }

    private static void putRecord(Map<String, String> d, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            d.put(c.getName(), String.valueOf(component(r, c.getName())));
        }
    }

    private static void checkTraining(RunKind kind, Map<String, String> resolved) throws RunException {
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
            if (type == boolean.class) {
                if (!v.equals("true") && !v.equals("false")) {
                    throw new RunException(name + ": expected true or false, got '" + v + "'");
                }
                return Boolean.parseBoolean(v);
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
