package ai.finetune.portal.dataset;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an upload as a stream (never whole in memory), checks every record against its {@link DatasetKind}, and
 * writes the normalised records as JSONL. The first problem ends the read with a message naming the line and
 * the field; the caller then discards what was written, so an upload is stored whole or not at all.
 */
public final class DatasetValidator {
    private final DatasetKind kind;
    private final long maxBytes;

    public DatasetValidator(DatasetKind kind, long maxBytes) {
        this.kind = kind;
        this.maxBytes = maxBytes;
    }

    /** Validates {@code in} ({@code .csv} by file name, JSONL otherwise) into {@code out}; returns the record count. */
    public long validate(String fileName, InputStream in, Writer out) throws DatasetException, IOException {
        LimitedStream limited = new LimitedStream(in, maxBytes);
        try {
            boolean csv = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
            long n = csv ? csv(limited, out) : jsonl(limited, out);
            if (n == 0) {
                throw new DatasetException("the file holds no records");
            }
            return n;
        } catch (TooLarge e) {
            throw new DatasetException("the file is larger than the upload limit of " + maxBytes + " bytes "
                    + "(PORTAL_DATASET_MAX_BYTES)");
        }
    }

    private long jsonl(InputStream in, Writer out) throws DatasetException, IOException {
        RecordChecker checker = new RecordChecker(kind);
        Utf8Lines lines = new Utf8Lines(in);
        long records = 0;
        for (String text; (text = lines.next()) != null; ) {
            long line = lines.number();
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte order mark some editors write
            }
            if (text.isBlank()) {
                continue;
            }
            JsonValue value;
            try (var reader = Json.createReader(new StringReader(text))) {
                value = reader.readValue();
            } catch (JsonParsingException e) {
                throw new DatasetException("line " + line + ": malformed JSON (" + e.getMessage() + ")");
            } catch (RuntimeException e) {
                throw new DatasetException("line " + line + ": malformed JSON");
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new DatasetException("line " + line + ": expected a JSON object, got "
                        + RecordChecker.describe(value));
            }
            write(checker.check(value.asJsonObject(), line), out);
            records++;
        }
        return records;
    }

    private long csv(InputStream in, Writer out) throws DatasetException, IOException {
        if (kind == DatasetKind.RANKINGS) {
            throw new DatasetException("line 1: fields 'completions' and 'ranking' are arrays, which CSV cannot "
                    + "hold: upload RANKINGS as JSONL");
        }
        RecordChecker checker = new RecordChecker(kind);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)), format);
        } catch (IllegalArgumentException e) { // a duplicate or empty header name
            throw new DatasetException("line 1 (header): " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new DatasetException("line 1 (header): not valid UTF-8");
        }
        try (parser) {
            for (String field : kind.required()) {
                if (!parser.getHeaderMap().containsKey(field) && !hasAlias(parser, field)) {
                    throw new DatasetException("line 1 (header): missing column '" + field + "'");
                }
            }
            long records = 0;
            long previousEnd = parser.getCurrentLineNumber();
            try {
                for (CSVRecord rec : parser) {
                    JsonObjectBuilder b = Json.createObjectBuilder();
                    rec.toMap().forEach((k, v) -> b.add(k, v == null ? "" : v));
                    long end = parser.getCurrentLineNumber();
                    write(checker.check(b.build(), startLine(rec, end, previousEnd)), out);
                    previousEnd = Math.max(end, previousEnd + 1);
                    records++;
                }
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof TooLarge t) {
                    throw t;
                }
                String what = e.getCause() instanceof CharacterCodingException ? "not valid UTF-8"
                        : "malformed CSV (" + e.getCause().getMessage() + ")";
                throw new DatasetException("line " + parser.getCurrentLineNumber() + ": " + what);
            }
            return records;
        }
    }

    /**
     * The line a record starts on. Commons CSV counts the line breaks read so far ({@code end}); a record holding k
     * breaks in its values began k lines earlier, and never before the line after the previous record (a last
     * line without a line break is not counted).
     */
    static long startLine(CSVRecord rec, long end, long previousEnd) {
        long breaks = rec.stream().filter(v -> v != null).mapToLong(v -> v.chars().filter(c -> c == '\n').count())
                .sum();
        return Math.max(end - breaks, previousEnd + 1);
    }

    private boolean hasAlias(CSVParser parser, String field) {
        return field.equals("response") && parser.getHeaderMap().containsKey("completion");
    }

    private static void write(JsonObject o, Writer out) throws IOException {
        out.write(o.toString());
        out.write('\n');
    }

    /** Thrown from inside the reader when the upload passes the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts bytes as they stream through and stops at the limit, so an oversized upload is never read whole. */
    static final class LimitedStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (count += n) > max) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
