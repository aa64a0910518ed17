package ai.finetune.runtime.cli;

import ai.finetune.runtime.checkpoint.LoadedModel;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.eval.humaneval.Generation;
import ai.finetune.runtime.eval.humaneval.Problems;
import ai.finetune.runtime.sampling.Sampler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** {@code humaneval-generate}: n completions per HumanEval problem from a checkpoint, to a samples JSONL. */
public final class HumanEvalGenerateCommand implements Command {
    @Override
    public String name() {
        return "humaneval-generate";
    }

    @Override
    public String summary() {
        return "sample n completions per HumanEval problem from a checkpoint (top-p 0.95, Codex stop sequences)";
    }

    @Override
    public String help() {
        return """
            humaneval-generate --model=DIR --out=F [options]
              --model=DIR         checkpoint folder, run folder (its latest) or model folder
              --out=F             samples JSONL: task_id, completion, mean_logprob, temperature, finish
              --n=N               completions per problem (default 10; Codex used 200 for pass@100)
              --temperature=T     default 0.2 (Codex: 0.2 best for pass@1, 0.8 for pass@100)
              --topP=P            nucleus sampling (default 0.95)
              --maxTokens=N       most new tokens per completion (default 300)
              --batch=N           completions sampled together (default 10)
              --seed=N            default 0
              --problems=F        problems JSONL(.gz) (default: HumanEval, bundled)
              --limit=N           only the first N problems (default: all)
              --device=cpu|gpu    default cpu
            Stop sequences: "\\nclass", "\\ndef", "\\n#", "\\nif", "\\nprint". Score the file with humaneval-evaluate.""";
    }

    @Override
    public int run(Options options) throws Exception {
        return HumanEvalOptions.badInputAsUsage(name(), options, this::execute);
    }

    private int execute(Options options) throws Exception {
        Path model = options.path("model");
        Path out = options.path("out");
        Generation.Settings settings = settings(options, 0.2);
        Path problemsFile = options.path("problems", null);
        int limit = options.integer("limit", 0);
        var device = Devices.parse(options.string("device", "cpu"));
        options.rejectUnknown();
        Problems problems = Problems.loadOrBundled(problemsFile);
        try (LoadedModel m = LoadedModel.load(model, device)) {
            Generation.Written w = Generation.run(new Sampler(m.model(), m.tokenizer()), problems, limit, settings,
                    out, System.err);
            ObjectNode summary = new ObjectMapper().createObjectNode();
            summary.put("samples_file", w.file().toString());
            summary.put("samples", w.samples());
            summary.put("tasks", w.tasks());
            summary.put("temperature", settings.temperature());
            summary.put("seconds", w.seconds());
            summary.put("tokens_per_s", w.tokens() / Math.max(w.seconds(), 1e-9));
            System.out.println(summary);
        }
        return 0;
    }

    /** The sampling options shared with humaneval-sweep; {@code temperature} is the default when not given. */
    static Generation.Settings settings(Options options, double temperature) {
        try {
            return new Generation.Settings(options.integer("n", 10), options.decimal("temperature", temperature),
                    options.decimal("topP", Generation.Settings.CODEX_TOP_P), options.integer("maxTokens", 300),
                    options.integer("batch", 10), options.longValue("seed", 0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(options.command() + ": " + e.getMessage());
        }
    }
}
