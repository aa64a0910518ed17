package ai.finetune.runtime.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the documents of a corpus, in a fixed order, from one of:
 * <ul>
 *   <li>a folder: every regular file under it whose name matches the glob (or, for a glob with a '/', whose path
 *       relative to the folder matches), minus excluded paths, in sorted path order; each file is one document,
 *       except JSONL files, which are read as below (so a prepared corpus folder can be read back);
 *   <li>a {@code .jsonl} or {@code .jsonl.gz} file: one JSON object per line with a {@code text} field (and an
 *       optional {@code source}), or Anthropic hh-rlhf pairs with {@code chosen} and {@code rejected}
 *       dialogues, each of which becomes a document;
 *   <li>any other file: one document.
 * </ul>
 * Files that are not valid UTF-8 are reported to {@link Sink#undecodable} rather than read with replacement
 * characters. A malformed JSON line is an error naming the file and line.
 */
public final class DocumentReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives documents in order. */
    public interface Sink {
        void document(Document document) throws IOException;

        /** A file that is not valid UTF-8 (binary or another encoding); skipped. */
        default void undecodable(String source, long bytes) throws IOException {}
    }

    private final String glob;
    private final List<String> excludes;

    /**
     * @param glob which files of a folder to read, e.g. {@code *.py} (matched against the file name) or
     *     {@code **}{@code /*.txt} (matched against the relative path)
     * @param excludes globs on the path relative to the folder, e.g. {@code email/**}, to leave out
     */
    public DocumentReader(String glob, List<String> excludes) {
        this.glob = glob;
        this.excludes = List.copyOf(excludes);
    }

    public static boolean isJsonl(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    public void read(Path input, Sink sink) throws IOException {
        if (Files.isDirectory(input)) {
            for (Path file : listFiles(input)) {
                String rel = input.relativize(file).toString();
                if (isJsonl(file)) {
                    readJsonl(file, rel, sink);
                } else {
                    readFile(file, rel, sink);
                }
            }
        } else if (Files.isRegularFile(input)) {
            if (isJsonl(input)) {
                readJsonl(input, input.getFileName().toString(), sink);
            } else {
                readFile(input, input.getFileName().toString(), sink);
            }
        } else {
            throw new NoSuchFileException(input + ": no such file or folder");
        }
    }

    /** The files of a folder that {@link #read} would read, sorted by relative path. */
    public List<Path> listFiles(Path folder) throws IOException {
        PathMatcher include = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        boolean byPath = glob.contains("/");
        List<PathMatcher> exclude = new ArrayList<>();
        for (String e : excludes) {
            exclude.add(FileSystems.getDefault().getPathMatcher("glob:" + e));
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path rel = folder.relativize(p);
                        return include.matches(byPath ? rel : rel.getFileName())
                                && exclude.stream().noneMatch(m -> m.matches(rel));
                    })
                    .sorted((a, b) -> folder.relativize(a).toString().compareTo(folder.relativize(b).toString()))
                    .toList();
        }
    }

    private static void readFile(Path file, String source, Sink sink) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decodeStrict(bytes);
        if (text == null) {
            sink.undecodable(source, bytes.length);
        } else {
            sink.document(new Document(text, source));
        }
    }

    /** The UTF-8 text of {@code bytes}, or null if they are not valid UTF-8. */
    static String decodeStrict(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** {@code name} prefixes the default sources: {@code name:line}. */
    private static void readJsonl(Path file, String name, Sink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().toLowerCase().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ": line " + lineNo + ": malformed JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new IOException(file + ": line " + lineNo + ": expected a JSON object");
                }
                if (node.has("text")) {
                    String source = node.path("source").isTextual() ? node.get("source").asText() : name + ":" + lineNo;
                    sink.document(new Document(textField(node, "text", file, lineNo), source));
                } else if (node.has("chosen") || node.has("rejected")) {
                    for (String field : List.of("chosen", "rejected")) {
                        if (node.has(field)) {
                            sink.document(new Document(textField(node, field, file, lineNo), name + ":" + lineNo + ":" + field));
                        }
                    }
                } else {
                    throw new IOException(file + ": line " + lineNo
                            + ": no 'text' field (nor hh-rlhf 'chosen'/'rejected' dialogues)");
                }
            }
        }
    }

    private static String textField(JsonNode node, String field, Path file, int lineNo) throws IOException {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new IOException(file + ": line " + lineNo + ": field '" + field + "' is not a string");
        }
        return v.asText();
    }
}
