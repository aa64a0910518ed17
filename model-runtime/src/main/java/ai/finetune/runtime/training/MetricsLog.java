package ai.finetune.runtime.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code <out>/metrics.jsonl}: one JSON object per line ({@code step}, {@code loss}, {@code val_loss} when
 * measured, {@code lr}, {@code tokens_per_s}, ...), flushed per line so the portal can chart a live run.
 */
public final class MetricsLog implements AutoCloseable {
    public static final String FILE = "metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    /**
     * Opens the log for appending. When resuming from step {@code fromStep}, lines of later steps (written after
     * that checkpoint by the interrupted process) are dropped first, so the file reads as one run.
     */
    public MetricsLog(Path dir, int fromStep) throws IOException {
        Path file = dir.resolve(FILE);
        Files.createDirectories(dir);
        if (fromStep >= 0 && Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n.path("step").asInt(Integer.MAX_VALUE) <= fromStep) {
                        kept.add(line);
                    }
                } catch (IOException e) { // a torn last line from a killed process
                    break;
                }
            }
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public void write(Map<String, Object> record) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
