package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.humaneval.Evaluation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code humaneval}: humaneval-generate then humaneval-evaluate in one process, for the portal's evaluation job (one
 * worker JVM per run; the two commands' own code and options, nothing re-implemented). The last stdout line is the
 * summary in the shape of the portal's evaluation_result (docs/evaluation-results.md).
 */
public final class HumanEvalCommand implements Command {
    static final String SAMPLES_FILE = "samples.jsonl";
    /** Options of humaneval-generate; every other option goes to humaneval-evaluate (problems goes to both). */
    static final Set<String> GENERATE = Set.of("model", "n", "temperature", "topP", "maxTokens", "batch", "seed",
            "limit", "device", "problems");
    static final Set<String> EVALUATE = Set.of("k", "timeout", "workers", "python", "memoryMb", "maxProcesses",
            "samplesPerSandbox", "unsafeAllowUnsandboxed", "problems");

    @Override
    public String name() {
        return "humaneval";
    }

    @Override
    public String summary() {
        return "humaneval-generate + humaneval-evaluate (sandboxed) of one model; pass@k summary";
    }

    @Override
    public String help() {
        return """
            humaneval --model=DIR --out=DIR [options]
              --out=DIR           writes DIR/samples.jsonl, its _results.jsonl and _summary.json
              generation (humaneval-generate): --n --temperature --topP --maxTokens --batch --seed --limit
                                  --problems --device
              scoring (humaneval-evaluate): --k --timeout --workers --python --memoryMb --maxProcesses
                                  --samplesPerSandbox --unsafeAllowUnsandboxed
            With --limit only the first N problems are generated and scored (pass@k over those).
            Last stdout line: {"temperature", "samplesPerTask", "problems", "passAtK": {"1": ..}, "evaluation"}.""";
    }

    @Override
    public int run(Options options) throws Exception {
        Path out = options.path("out");
        Map<String, String> given = options.given();
        for (String key : given.keySet()) {
            if (!key.equals("out") && !GENERATE.contains(key) && !EVALUATE.contains(key)) {
                throw new UsageException(name() + ": unknown option --" + key + " (see humaneval --help)");
            }
        }
        Files.createDirectories(out);
        Path samples = out.resolve(SAMPLES_FILE);
        List<String> gen = new ArrayList<>(List.of("--out=" + samples));
        List<String> eval = new ArrayList<>(List.of("--samples=" + samples));
        given.forEach((k, v) -> {
            if (GENERATE.contains(k)) {
                gen.add("--" + k + "=" + v);
            }
            if (EVALUATE.contains(k)) {
                eval.add("--" + k + "=" + v);
            }
        });
        if (given.containsKey("limit")) {
            eval.add("--ignoreIncomplete=true"); // samples exist for the first N problems only
        }
        int rc = new HumanEvalGenerateCommand().run(new Options("humaneval-generate", gen.toArray(String[]::new)));
        if (rc != 0) {
            return rc;
        }
        rc = new HumanEvalEvaluateCommand().run(new Options("humaneval-evaluate", eval.toArray(String[]::new)));
        if (rc != 0) {
            return rc;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode evaluation = json.readTree(Evaluation.summaryPath(samples).toFile());
        ObjectNode summary = json.createObjectNode();
        summary.put("command", name());
        summary.put("temperature", Double.parseDouble(given.getOrDefault("temperature", "0.2")));
        summary.put("samplesPerTask", Integer.parseInt(given.getOrDefault("n", "10")));
        summary.put("problems", evaluation.path("tasks").asInt());
        ObjectNode passAtK = summary.putObject("passAtK");
        evaluation.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("pass@")) {
                passAtK.set(e.getKey().substring("pass@".length()), e.getValue());
            }
        });
        summary.put("stopped", false);
        for (String k : List.of("samples", "results", "sandbox", "seconds")) {
            if (evaluation.has(k)) {
                summary.set(k, evaluation.get(k));
            }
        }
        System.out.println(json.writeValueAsString(summary));
        return 0;
    }
}
