package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.Example;
import ai.finetune.runtime.training.Examples;
import ai.finetune.runtime.training.Trainer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * {@code bench}: training and sampling throughput of a fixed configuration on random tokens (d128 L4 H4, vocab
 * 2048, training sequences of 128, batch 16; sampling 256 new tokens with and without the KV cache). Its twin in
 * PyTorch is model-runtime/bench/gpt_twin.py (same model, same step), to run where PyTorch is installed.
 */
public final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "training tokens/s and sampling tokens/s (KV cache vs none) of a fixed d128 L4 configuration";
    }

    @Override
    public String help() {
        return "usage: bench [options]\n" + summary() + "\n\n"
                + "  --width=128 --layers=4 --heads=4 --vocab=2048 --seqLen=128 --batchSize=16   the fixed configuration\n"
                + "  --steps=20          timed training steps (after --warmup=3)\n"
                + "  --newTokens=256     sampled tokens per sampling run (greedy, one sequence, 16-token prompt)\n"
                + "  --repeats=3         sampling runs per mode; the best rate of each is reported\n"
                + "  --threads=N         PyTorch intra-op threads (default: DJL's)\n"
                + "  --device=cpu|gpu    default cpu\n"
                + "Last stdout line: {train_tokens_per_s, sample_tokens_per_s_cache, sample_tokens_per_s_no_cache, "
                + "cache_speedup, ...}";
    }

    @Override
    public int run(Options options) throws Exception {
        int width = options.integer("width", 128);
        int layers = options.integer("layers", 4);
        int heads = options.integer("heads", 4);
        int vocab = options.integer("vocab", 2048);
        int seqLen = options.integer("seqLen", 128);
        int batch = options.integer("batchSize", 16);
        int steps = options.integer("steps", 20);
        int warmup = options.integer("warmup", 3);
        int newTokens = options.integer("newTokens", 256);
        int repeats = Math.max(1, options.integer("repeats", 3));
        if (options.has("threads")) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(options.integer("threads", 1)));
        }
        Device device = Devices.parse(options.string("device", "cpu"));
        options.rejectUnknown();
        int prompt = 16;
        GptConfig cfg;
        try {
            cfg = new GptConfig(vocab, Math.max(seqLen, prompt + newTokens), layers, heads, width, 0.0, GptConfig.GELU);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        TrainConfig tc = new TrainConfig(1e-3, 0.1, 0, warmup + steps, batch, 1, seqLen, 0.1, 0.9, 0.95, 1e-8, 1.0, 0,
                1, 0, 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("config", cfg);
        summary.put("batch_size", batch);
        summary.put("seq_len", seqLen);
        summary.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        summary.put("device", device.toString());

        Path scratch = Files.createTempDirectory("bench-");
        try (GptModel model = GptModel.create(cfg, device, 1)) {
            Trainer trainer = new Trainer(model, tc, new Checkpoint.Meta("bench", cfg, tc, Map.of()),
                    randomExamples(vocab, seqLen, 256), null, 0, new IdsTokenizer(vocab), scratch, null, null);
            for (int i = 0; i < warmup; i++) {
                trainer.trainOneStep();
            }
            long tokens = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                tokens += trainer.trainOneStep().tokens();
                if (i % 5 == 4) {
                    System.err.printf("bench: training step %d/%d, %.0f tokens/s%n", i + 1, steps,
                            tokens / ((System.nanoTime() - t0) / 1e9));
                }
            }
            double trainRate = tokens / ((System.nanoTime() - t0) / 1e9);
            trainer.close();
            summary.put("train_tokens_per_s", trainRate);

            model.setTraining(false);
            Sampler sampler = new Sampler(model, new IdsTokenizer(vocab));
            int[] promptIds = new Random(2).ints(prompt, 0, vocab - 1).toArray();
            SamplingConfig sc = new SamplingConfig(newTokens, 0, 1, 0, List.of(), 1, 0, true);
            sampler.sample(promptIds, sc.withMaxNewTokens(8)); // warm up
            // best of `repeats` runs each, alternating, so a burst of load from other processes hits both alike
            double[] withCache = {0, 0};
            double[] without = {0, 0};
            for (int i = 0; i < repeats; i++) {
                double[] c = sampleRate(sampler, promptIds, sc);
                double[] f = sampleRate(sampler, promptIds, sc.withKvCache(false));
                withCache = c[0] > withCache[0] ? c : withCache;
                without = f[0] > without[0] ? f : without;
            }
            summary.put("sample_new_tokens", newTokens);
            summary.put("sample_tokens_per_s_cache", withCache[0]);
            summary.put("sample_tokens_per_s_no_cache", without[0]);
            summary.put("cache_speedup", withCache[0] / without[0]);
            summary.put("cache_and_no_cache_same_tokens", withCache[1] == without[1]);
            System.err.printf("bench: training %.0f tokens/s; sampling %.1f tokens/s with KV cache, %.1f without "
                    + "(%.2fx)%n", trainRate, withCache[0], without[0], withCache[0] / without[0]);
        } finally {
            deleteQuietly(scratch);
        }
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }

    /** {tokens per second, hash of the tokens} of one greedy run. */
    private static double[] sampleRate(Sampler sampler, int[] prompt, SamplingConfig sc) {
        long t0 = System.nanoTime();
        Completion c = sampler.sample(prompt, sc).get(0);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new double[] {c.tokens().length / secs, Arrays.hashCode(c.tokens())};
    }

    private static Examples randomExamples(int vocab, int seqLen, int count) {
        Random r = new Random(1);
        List<Example> list = new ArrayList<>();
        float[] ones = new float[seqLen];
        Arrays.fill(ones, 1f);
        for (int i = 0; i < count; i++) {
            list.add(new Example(r.ints(seqLen + 1, 0, vocab - 1).toArray(), ones));
        }
        return Examples.of(list);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder; nothing depends on it
        }
    }

    /**
     * Raw ids as text ("17 5 ...") for a benchmark on random weights; the last id is end-of-text and the sampler
     * never stops early at temperature 0 unless the argmax is that id.
     */
    private record IdsTokenizer(int vocab) implements Tokenizer {
        @Override
        public int[] encode(String text) {
            return text.isBlank() ? new int[0] : Arrays.stream(text.trim().split("\\s+")).mapToInt(Integer::parseInt)
                    .toArray();
        }

        @Override
        public String decode(int[] ids) {
            return Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        }

        @Override
        public int vocabSize() {
            return vocab;
        }

        @Override
        public int endOfTextId() {
            return vocab - 1;
        }

        @Override
        public int responseId() {
            return vocab - 2;
        }

        @Override
        public void save(Path tokenizerJson) throws IOException {
            throw new IOException("the benchmark's id tokenizer is not saved");
        }
    }
}
