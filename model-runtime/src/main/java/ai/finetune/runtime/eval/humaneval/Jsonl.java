package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Reading and writing JSON Lines, plain or gzip (recognised by its magic bytes, whatever the file is called). */
final class Jsonl {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One non-blank line of a JSONL file, parsed to an object, with its 1-based line number. */
    record Line(long number, ObjectNode object) {}

    /**
     * Reads every non-blank line (blank lines are skipped, as the reference's stream_jsonl does); a line that is not
     * a JSON object is an error naming the file and line.
     */
    static List<Line> read(InputStream raw, String name) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8))) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new JsonlFormatException(name, number, "not valid JSON (" + e.getOriginalMessage() + ")");
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new JsonlFormatException(name, number, "expected a JSON object, got " + node.getNodeType());
                }
                lines.add(new Line(number, object));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return lines;
    }

    static List<Line> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** A required string field of a record; missing or non-string is an error naming file, line and field. */
    static String text(Line line, String name, String field) throws JsonlFormatException {
        JsonNode value = line.object().get(field);
        if (value == null || value.isNull()) {
            throw new JsonlFormatException(name, line.number(), "missing field \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new JsonlFormatException(name, line.number(), "field \"" + field + "\" must be a string, got "
                    + value.getNodeType());
        }
        return value.textValue();
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }

    /** Writes one JSON object per line to a temp file beside {@code target}, then renames it into place. */
    static void writeAtomically(Path target, Iterable<? extends JsonNode> records) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    target.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(temp))
                            : Files.newOutputStream(temp), StandardCharsets.UTF_8))) {
                for (JsonNode record : records) {
                    out.write(MAPPER.writeValueAsString(record));
                    out.write('\n');
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes one JSON document (pretty) atomically. */
    static void writeJsonAtomically(Path target, JsonNode document) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Jsonl() {}
}
