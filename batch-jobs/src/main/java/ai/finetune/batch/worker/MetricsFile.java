package ai.finetune.batch.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <out>/metrics.jsonl}, one JSON object per optimizer step, written by the worker. Before a restart the
 * supervisor cuts it back to the checkpoint's step (as the trainer does), so that the tail it streams into the
 * database never sees a step twice: steps after the checkpoint were lost with the interrupted process.
 */
public final class MetricsFile {
    public static final String NAME = "metrics.jsonl";
    /** The trainer writes compact JSON ({@code {"step":12,...}}). */
    private static final Pattern STEP = Pattern.compile("\"step\"\\s*:\\s*(\\d+)");

    private MetricsFile() {
    }

    public static OptionalInt step(String row) {
        Matcher m = STEP.matcher(row);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Keeps the rows up to {@code step} (and drops a torn last line); replaces the file atomically. */
    public static void truncateAfter(Path runDir, int step) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            OptionalInt s = step(line);
            if (!line.isBlank() && line.strip().endsWith("}") && s.isPresent() && s.getAsInt() <= step) {
                kept.add(line);
            }
        }
        Path tmp = runDir.resolve(NAME + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A fresh start (no checkpoint): rows of an earlier attempt are gone. */
    public static void delete(Path runDir) throws IOException {
        Files.deleteIfExists(runDir.resolve(NAME));
    }
}
