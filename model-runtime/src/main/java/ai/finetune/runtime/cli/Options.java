package ai.finetune.runtime.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --key=value} options of one command. Every option a command reads is recorded; after the command has
 * read its options it calls {@link #rejectUnknown()} so a misspelt option is an error that names it.
 */
public final class Options {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();
    private final java.util.List<String> positional = new java.util.ArrayList<>();
    private int positionalRead;

    public Options(String command, String[] args) {
        this.command = command;
        for (String arg : args) {
            if (!arg.startsWith("-")) { // a bare word (experiment instructgpt-mini); rejected unless read
                positional.add(arg);
                continue;
            }
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new UsageException(command + ": expected --key=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            if (key.isEmpty()) {
                throw new UsageException(command + ": empty option name in '" + arg + "'");
            }
            if (values.put(key, value) != null) {
                throw new UsageException(command + ": option --" + key + " given twice");
            }
        }
    }

    public String command() {
        return command;
    }

    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    public String string(String key, String def) {
        read.add(key);
        return values.getOrDefault(key, def);
    }

    public String required(String key) {
        read.add(key);
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new UsageException(command + ": missing required option --" + key);
        }
        return v;
    }

    public Path path(String key) {
        return Path.of(required(key));
    }

    public Path path(String key, Path def) {
        String v = string(key, null);
        return v == null ? def : Path.of(v);
    }

    public int integer(String key, int def) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": option --" + key + " must be an integer, got '" + v + "'");
        }
    }

    public long longValue(String key, long def) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": option --" + key + " must be an integer, got '" + v + "'");
        }
    }

    public double decimal(String key, double def) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": option --" + key + " must be a number, got '" + v + "'");
        }
    }

    public boolean bool(String key, boolean def) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        return switch (v.trim().toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new UsageException(command + ": option --" + key + " must be true or false, got '" + v + "'");
        };
    }

    /** All options given, as strings (e.g. to store beside a checkpoint). */
    public Map<String, String> given() {
        return Map.copyOf(values);
    }

    /** The {@code index}-th bare word (not an option), e.g. the experiment's name; a usage error names it. */
    public String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new UsageException(command + ": missing " + what);
        }
        positionalRead = Math.max(positionalRead, index + 1);
        return positional.get(index);
    }

    /** Throws if an option was given that the command never read. */
    public void rejectUnknown() {
        if (positional.size() > positionalRead) {
            throw new UsageException(command + ": expected --key=value, got '" + positional.get(positionalRead) + "'");
        }
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new UsageException(command + ": unknown option --" + key + " (see " + command + " --help)");
            }
        }
    }
}
