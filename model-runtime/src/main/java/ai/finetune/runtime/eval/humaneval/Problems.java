package ai.finetune.runtime.eval.humaneval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of problems by task id, in file order: HumanEval as shipped inside the product (164 problems, MIT licence,
 * see {@code datasets/humaneval/SOURCE.md} on the classpath), or any JSONL / JSONL.gz file with the same fields.
 */
public final class Problems {
    /** Classpath location of the bundled HumanEval problems. */
    public static final String BUNDLED = "datasets/humaneval/HumanEval.jsonl.gz";

    private final String source;
    private final Map<String, Problem> byTaskId;

    private Problems(String source, Map<String, Problem> byTaskId) {
        this.source = source;
        this.byTaskId = byTaskId;
    }

    /** The 164 HumanEval problems bundled with model-runtime. */
    public static Problems humanEval() throws IOException {
        try (InputStream in = Problems.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("bundled HumanEval data missing from the classpath: " + BUNDLED);
            }
            return parse(Jsonl.read(in, "classpath:" + BUNDLED), "classpath:" + BUNDLED);
        }
    }

    /** Problems from a JSONL or JSONL.gz file; a malformed record is reported with its line number. */
    public static Problems load(Path file) throws IOException {
        return parse(Jsonl.read(file), file.toString());
    }

    /** {@code file} when given, else the bundled HumanEval. */
    public static Problems loadOrBundled(Path file) throws IOException {
        return file == null ? humanEval() : load(file);
    }

    private static Problems parse(Iterable<Jsonl.Line> lines, String name) throws JsonlFormatException {
        Map<String, Problem> byTaskId = new LinkedHashMap<>();
        for (Jsonl.Line line : lines) {
            Problem p = new Problem(
                    Jsonl.text(line, name, "task_id"),
                    Jsonl.text(line, name, "prompt"),
                    Jsonl.text(line, name, "canonical_solution"),
                    Jsonl.text(line, name, "test"),
                    Jsonl.text(line, name, "entry_point"));
            if (p.entryPoint().isBlank()) {
                throw new JsonlFormatException(name, line.number(), "field \"entry_point\" is empty");
            }
            if (byTaskId.put(p.taskId(), p) != null) {
                throw new JsonlFormatException(name, line.number(), "duplicate task_id \"" + p.taskId() + "\"");
            }
        }
        if (byTaskId.isEmpty()) {
            throw new JsonlFormatException(name, 1, "no problems in file");
        }
        return new Problems(name, java.util.Collections.unmodifiableMap(byTaskId));
    }

    public Problem get(String taskId) {
        return byTaskId.get(taskId);
    }

    public Collection<Problem> all() {
        return byTaskId.values();
    }

    public int size() {
        return byTaskId.size();
    }

    /** Where the problems came from (a path or {@code classpath:...}). */
    public String source() {
        return source;
    }
}
