package ai.finetune.runtime.checkpoint;

import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checkpoint directories. A checkpoint is a folder holding
 * <pre>
 *   config.json            {"kind", "model": GptConfig, "training": TrainConfig, "options": {...}} (resolved)
 *   tokenizer.json         Hugging Face tokenizer file
 *   model.safetensors      weights (names and layout of GptModel)
 *   optimizer.safetensors  AdamW moments m.* and v.*        (training checkpoints only)
 *   state.json             step, samples consumed, seed      (training checkpoints only)
 * </pre>
 * A run folder holds {@code step-NNNNNNN/} checkpoints and a {@code latest} file naming the current one. A save
 * writes a hidden temp folder, renames it into place, then replaces {@code latest} by an atomic move: a process
 * that dies at any point leaves the previous checkpoint loadable. The two newest checkpoints are kept.
 */
public final class Checkpoint {
    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "state.json";
    public static final String LATEST = "latest";
    private static final int KEEP = 2;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Test hook: runs after the files are written and before the folder is renamed into place. */
    static volatile Runnable beforeCommit = () -> {};

    /** What produced the checkpoint and with which resolved settings. {@code training} is null for a bare model. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(String kind, GptConfig model, TrainConfig training, Map<String, String> options) {}

    /** Where a run stands: optimizer steps done, samples consumed (data position), the run's seed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(int step, long samplesSeen, long seed, Double valLoss) {}

    /** Everything a training checkpoint holds except the model weights' NDArrays. */
    public record Loaded(Path dir, Meta meta, Map<String, SafeTensors.Tensor> weights,
                         Map<String, SafeTensors.Tensor> optimizer, State state) {
        public Path tokenizerFile() {
            return dir.resolve(TOKENIZER);
        }
    }

    /**
     * Saves a checkpoint named {@code step-<step>} under {@code runDir} and points {@code latest} at it.
     *
     * @param optimizer null for a bare model (no training state)
     * @return the checkpoint folder
     */
    public static Path save(Path runDir, Meta meta, Map<String, SafeTensors.Tensor> weights, Tokenizer tokenizer,
                            Map<String, SafeTensors.Tensor> optimizer, State state) throws IOException {
        Files.createDirectories(runDir);
        String name = String.format("step-%07d", state == null ? 0 : state.step());
        Path tmp = Files.createTempDirectory(runDir, ".tmp-" + name + "-");
        try {
            writeFiles(tmp, meta, weights, tokenizer, optimizer, state);
            beforeCommit.run();
            Path target = runDir.resolve(name);
            if (Files.exists(target)) { // same step saved twice (stop right after a periodic save): replace it
                Path old = Files.createTempDirectory(runDir, ".old-" + name + "-");
                Files.move(target, old.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            Path latestTmp = runDir.resolve(LATEST + ".tmp");
            Files.writeString(latestTmp, name + "\n", StandardCharsets.UTF_8);
            Files.move(latestTmp, runDir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            prune(runDir, name);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * Writes a bare model folder (config, tokenizer, weights; no training state) at {@code dir}, replacing what is
     * there only once the new folder is complete.
     */
    public static void saveModel(Path dir, Meta meta, Map<String, SafeTensors.Tensor> weights, Tokenizer tokenizer)
            throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".tmp-" + dir.getFileName() + "-");
        try {
            writeFiles(tmp, meta, weights, tokenizer, null, null);
            beforeCommit.run();
            if (Files.exists(dir)) {
                Path old = Files.createTempDirectory(parent, ".old-" + dir.getFileName() + "-");
                Files.move(dir, old.resolve("x"), StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void writeFiles(Path dir, Meta meta, Map<String, SafeTensors.Tensor> weights, Tokenizer tokenizer,
                                   Map<String, SafeTensors.Tensor> optimizer, State state) throws IOException {
        JSON.writeValue(dir.resolve(CONFIG).toFile(), meta);
        tokenizer.save(dir.resolve(TOKENIZER));
        SafeTensors.write(dir.resolve(WEIGHTS), weights, Map.of("format", "pt", "producer", "finetune-portal"));
        if (optimizer != null) {
            SafeTensors.write(dir.resolve(OPTIMIZER), optimizer, Map.of());
        }
        if (state != null) {
            JSON.writeValue(dir.resolve(STATE).toFile(), state);
        }
    }

    /**
     * The checkpoint folder that {@code dir} stands for: {@code dir} itself if it holds weights, else the one its
     * {@code latest} file names.
     */
    public static Path resolve(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(WEIGHTS))) {
            return dir;
        }
        Path latest = dir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            throw new NoSuchFileException(dir + ": no checkpoint here (neither " + WEIGHTS + " nor a " + LATEST
                    + " file)");
        }
        Path target = dir.resolve(Files.readString(latest, StandardCharsets.UTF_8).trim());
        if (!Files.isRegularFile(target.resolve(WEIGHTS))) {
            throw new NoSuchFileException(latest + " names " + target + ", which has no " + WEIGHTS);
        }
        return target;
    }

    /** Loads the checkpoint {@code dir} stands for (see {@link #resolve}). */
    public static Loaded load(Path dir) throws IOException {
        Path cp = resolve(dir);
        Path configFile = cp.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new NoSuchFileException(cp + ": missing " + CONFIG);
        }
        if (!Files.isRegularFile(cp.resolve(TOKENIZER))) {
            throw new NoSuchFileException(cp + ": missing " + TOKENIZER);
        }
        Meta meta;
        try {
            meta = JSON.readValue(configFile.toFile(), Meta.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(configFile + ": unreadable checkpoint config: " + e.getMessage(), e);
        }
        if (meta.model() == null) {
            throw new IOException(configFile + ": no \"model\" section");
        }
        Map<String, SafeTensors.Tensor> weights = SafeTensors.read(cp.resolve(WEIGHTS));
        Map<String, SafeTensors.Tensor> optimizer = Files.isRegularFile(cp.resolve(OPTIMIZER))
                ? SafeTensors.read(cp.resolve(OPTIMIZER)) : null;
        State state = Files.isRegularFile(cp.resolve(STATE)) ? JSON.readValue(cp.resolve(STATE).toFile(), State.class)
                : null;
        return new Loaded(cp, meta, weights, optimizer, state);
    }

    /** Deletes older step folders (keeping {@link #KEEP}) and temp folders left by a process that died. */
    private static void prune(Path runDir, String current) throws IOException {
        List<Path> steps = new ArrayList<>();
        try (Stream<Path> s = Files.list(runDir)) {
            s.forEach(p -> {
                String n = p.getFileName().toString();
                if (n.startsWith(".tmp-") || n.startsWith(".old-")) {
                    deleteTree(p);
                } else if (n.startsWith("step-") && Files.isDirectory(p) && !n.equals(current)) {
                    steps.add(p);
                }
            });
        }
        steps.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (int i = 0; i < steps.size() - (KEEP - 1); i++) {
            deleteTree(steps.get(i));
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Checkpoint() {}
}
