package ai.finetune.runtime.cli;

import ai.finetune.runtime.checkpoint.LoadedModel;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.rlhf.PromptData;
import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import ai.finetune.runtime.training.StopSignal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sample --prompts=FILE --out=DIR}: K samples for each prompt of a file, the raw material of ranking tasks
 * (InstructGPT's labelers rank K = 4..9 outputs per prompt). A file of its own rather than a loop over the one-prompt
 * mode so that the portal's job reads one JSONL and sees progress (one metrics row per prompt).
 */
final class PromptFileSampling {
    static final String SAMPLES_FILE = "samples.jsonl";

    private PromptFileSampling() {
    }

    static int run(SampleCommand command, Options options) throws Exception {
        Path modelDir = options.path("model");
        Path promptsFile = options.path("prompts");
        Path out = options.path("out");
        int limit = options.integer("limit", Integer.MAX_VALUE);
        SamplingConfig config = command.config(options);
        var device = Devices.parse(options.string("device", "cpu"));
        options.rejectUnknown();
        if (limit < 1) {
            throw new UsageException("sample: --limit must be at least 1, got " + limit);
        }
        List<String> prompts = PromptData.prompts(promptsFile);
        prompts = prompts.subList(0, Math.min(limit, prompts.size()));
        if (prompts.isEmpty()) {
            throw new UsageException("sample: " + promptsFile + " holds no prompts");
        }
        Files.createDirectories(out);
        StopSignal.installSignalHandlers();
        StopSignal stop = new StopSignal(out);
        ObjectMapper json = new ObjectMapper();
        long t0 = System.nanoTime();
        long tokens = 0;
        int done = 0;
        try (LoadedModel m = LoadedModel.load(modelDir, device);
                BufferedWriter samples = Files.newBufferedWriter(out.resolve(SAMPLES_FILE), StandardCharsets.UTF_8);
                BufferedWriter metrics = Files.newBufferedWriter(out.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            Sampler sampler = new Sampler(m.model(), m.tokenizer());
            for (String prompt : prompts) {
                if (stop.requested()) {
                    break;
                }
                // a seed per prompt: the same file and seed give the same samples whatever the limit
                List<Completion> cs = sampler.sample(prompt, config.withSeed(config.seed() + done));
                List<String> texts = new ArrayList<>();
                List<Double> logProbs = new ArrayList<>();
                long promptTokens = 0;
                for (Completion c : cs) {
                    texts.add(c.text());
                    logProbs.add(Double.isNaN(c.meanLogProb()) ? null : c.meanLogProb());
                    promptTokens += c.tokens().length;
                }
                tokens += promptTokens;
                done++;
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("prompt", prompt);
                line.put("completions", texts);
                line.put("mean_logprobs", logProbs);
                samples.write(json.writeValueAsString(line));
                samples.newLine();
                samples.flush();
                double secs = (System.nanoTime() - t0) / 1e9;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", done);
                row.put("response_length", promptTokens / (double) cs.size());
                row.put("tokens_per_s", tokens / Math.max(secs, 1e-9));
                row.put("elapsed_s", secs);
                metrics.write(json.writeValueAsString(row));
                metrics.newLine();
                metrics.flush();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        boolean stopped = done < prompts.size();
        System.err.printf("sample: %d of %d prompts x %d samples in %.1f s%s%n", done, prompts.size(), config.n(),
                secs, stopped ? " (stopped)" : "");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "sample");
        summary.put("prompts", done);
        summary.put("samples_per_prompt", config.n());
        summary.put("stopped", stopped);
        summary.put("samples_file", out.resolve(SAMPLES_FILE).toString());
        summary.put("seconds", secs);
        summary.put("tokens_per_s", tokens / Math.max(secs, 1e-9));
        System.out.println(json.writeValueAsString(summary));
        return 0;
    }
}
