package ai.finetune.runtime.eval.humaneval;

import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * n completions per problem from a model, streamed to a samples JSONL as they are made ({@code task_id},
 * {@code completion}, {@code mean_logprob}, {@code temperature}, {@code finish}): Codex's setup, nucleus top-p 0.95
 * and its stop sequences, so the body ends before the next top-level statement.
 */
public final class Generation {

    /**
     * @param n completions per problem
     * @param batch completions sampled together (n is split into batches of at most this many)
     * @param seed the file is a function of (model, problems, settings)
     */
    public record Settings(int n, double temperature, double topP, int maxTokens, int batch, long seed) {
        public static final double CODEX_TOP_P = 0.95;

        public Settings {
            if (n < 1 || batch < 1 || maxTokens < 1 || temperature < 0 || !(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("need n >= 1, batch >= 1, maxTokens >= 1, temperature >= 0, "
                        + "0 < topP <= 1; got " + this);
            }
        }
    }

    /** What was written. */
    public record Written(Path file, int samples, int tasks, long tokens, double seconds) {}

    /**
     * Generates and writes {@code out}; lines appear in a temp file beside it as they are made and the file takes
     * its name when complete, so a reader never sees a half-written samples file under the final name.
     */
    public static Written run(Sampler sampler, Problems problems, int limit, Settings s, Path out, PrintStream progress)
            throws IOException {
        List<Problem> todo = new ArrayList<>(problems.all());
        if (limit > 0 && limit < todo.size()) {
            todo = todo.subList(0, limit);
        }
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + out.getFileName(), ".partial");
        long start = System.nanoTime();
        long tokens = 0;
        int written = 0;
        int total = todo.size() * s.n();
        long lastReport = start;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (int t = 0; t < todo.size(); t++) {
                    Problem p = todo.get(t);
                    for (int b = 0; b * s.batch() < s.n(); b++) {
                        int size = Math.min(s.batch(), s.n() - b * s.batch());
                        long seed = s.seed() * 1_000_003L + t * 1_009L + b;
                        SamplingConfig config = new SamplingConfig(s.maxTokens(), s.temperature(), s.topP(), 0,
                                SamplingConfig.CODEX_STOP, size, seed, true);
                        for (Completion c : sampler.sample(p.prompt(), config)) {
                            ObjectNode line = Jsonl.MAPPER.createObjectNode();
                            line.put("task_id", p.taskId());
                            line.put("completion", c.text());
                            if (!Double.isNaN(c.meanLogProb())) {
                                line.put(Samples.MEAN_LOGPROB, c.meanLogProb());
                            }
                            line.put("temperature", s.temperature());
                            line.put("finish", c.finishReason());
                            w.write(Jsonl.MAPPER.writeValueAsString(line));
                            w.write('\n');
                            tokens += c.tokens().length;
                            written++;
                        }
                        w.flush();
                        long now = System.nanoTime();
                        if (progress != null && (now - lastReport > 2_000_000_000L || written == total)) {
                            lastReport = now;
                            double secs = (now - start) / 1e9;
                            double rate = written / Math.max(secs, 1e-9);
                            progress.printf("humaneval-generate: %d/%d samples, %.2f samples/s, %.0f tokens/s, ETA %.0f s%n",
                                    written, total, rate, tokens / Math.max(secs, 1e-9), (total - written) / Math.max(rate, 1e-9));
                        }
                    }
                }
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Written(out, written, todo.size(), tokens, (System.nanoTime() - start) / 1e9);
    }

    private Generation() {}
}
