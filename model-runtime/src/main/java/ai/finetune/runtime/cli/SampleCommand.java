package ai.finetune.runtime.cli;

import ai.finetune.runtime.checkpoint.LoadedModel;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sample}: continuations of a prompt from a checkpoint. */
public final class SampleCommand implements Command {
    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String summary() {
        return "sample continuations of a prompt (temperature, top-p/k, stop sequences, KV cache)";
    }

    @Override
    public String help() {
        SamplingConfig d = SamplingConfig.defaults();
        return "usage: sample --model=DIR --prompt=TEXT [options]\n" + summary() + "\n\n"
                + "  --model=DIR            checkpoint folder, run folder (its latest) or model folder\n"
                + "  --prompt=TEXT          the prompt (\\n and \\t escapes understood); or --promptFile=FILE\n"
                + "  --prompts=FILE         instead of one prompt: every prompt of a JSONL file (\"prompt\" per line),\n"
                + "                         n samples each (seed + line index), written with --out=DIR to\n"
                + "                         DIR/samples.jsonl {prompt, completions:[..n..], mean_logprobs}; one\n"
                + "                         metrics.jsonl row per prompt; a STOP file in DIR stops it\n"
                + "  --limit=N              with --prompts: only the first N prompts (default: all)\n"
                + "  --n=N                  samples, one batch (default " + d.n() + ")\n"
                + "  --temperature=X        0 = greedy (default " + d.temperature() + ")\n"
                + "  --topP=X               nucleus (default " + d.topP() + ")\n"
                + "  --topK=N               0 = off (default " + d.topK() + ")\n"
                + "  --maxNewTokens=N       default " + d.maxNewTokens() + "\n"
                + "  --stop=codex|none|S1|S2  stop sequences: Codex's five, none (default), or '|'-separated\n"
                + "  --seed=N               default " + d.seed() + "\n"
                + "  --kvCache=true|false   default true\n"
                + "  --device=cpu|gpu       default cpu\n"
                + "Prints each sample, then a JSON line {samples: [{text, mean_logprob, tokens, finish}], tokens_per_s}.";
    }

    @Override
    public int run(Options options) throws Exception {
        Path modelDir = options.path("model");
        if (options.has("prompts")) {
            return PromptFileSampling.run(this, options);
        }
        String prompt = options.has("promptFile") ? Files.readString(options.path("promptFile"))
                : unescape(options.required("prompt"));
        SamplingConfig config = config(options);
        var device = Devices.parse(options.string("device", "cpu"));
        options.rejectUnknown();
        try (LoadedModel m = LoadedModel.load(modelDir, device)) {
            long t0 = System.nanoTime();
            List<Completion> samples = new Sampler(m.model(), m.tokenizer()).sample(prompt, config);
            double secs = (System.nanoTime() - t0) / 1e9;
            List<Map<String, Object>> json = new ArrayList<>();
            long tokens = 0;
            for (int i = 0; i < samples.size(); i++) {
                Completion c = samples.get(i);
                tokens += c.tokens().length;
                System.out.printf("=== sample %d (mean log-prob %.3f, %s) ===%n%s%s%n", i + 1, c.meanLogProb(),
                        c.finishReason(), prompt, c.text());
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("text", c.text());
                s.put("mean_logprob", Double.isNaN(c.meanLogProb()) ? null : c.meanLogProb());
                s.put("tokens", c.tokens().length);
                s.put("finish", c.finishReason());
                json.add(s);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("command", name());
            summary.put("model", m.dir().toString());
            summary.put("samples", json);
            summary.put("seconds", secs);
            summary.put("tokens_per_s", tokens / Math.max(secs, 1e-9));
            System.out.println(new ObjectMapper().writeValueAsString(summary));
        }
        return 0;
    }

    /** The sampling options shared by the one-prompt and the prompt-file modes. */
    SamplingConfig config(Options options) {
        SamplingConfig d = SamplingConfig.defaults();
        String stop = options.string("stop", "none");
        List<String> stops = switch (stop) {
            case "codex" -> SamplingConfig.CODEX_STOP;
            case "none", "" -> List.of();
            default -> Arrays.stream(stop.split("\\|")).map(SampleCommand::unescape).toList();
        };
        try {
            return new SamplingConfig(options.integer("maxNewTokens", d.maxNewTokens()),
                    options.decimal("temperature", d.temperature()), options.decimal("topP", d.topP()),
                    options.integer("topK", d.topK()), stops, options.integer("n", d.n()),
                    options.longValue("seed", d.seed()), options.bool("kvCache", true));
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }
}
