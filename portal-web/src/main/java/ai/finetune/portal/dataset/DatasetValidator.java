package ai.finetune.portal.dataset;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.Writer;
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
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetException("the file is not valid UTF-8");
        }
    }

    private long jsonl(InputStream in, Writer out) throws DatasetException, IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)));
        long line = 0;
        long records = 0;
        for (String text; (text = r.readLine()) != null; ) {
            line++;
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
                throw new DatasetException("line " + line + ": expected a JSON object, got " + typeName(value));
            }
            write(normalise(value.asJsonObject(), line), out);
            records++;
        }
        return records;
    }

    private long csv(InputStream in, Writer out) throws DatasetException, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)), format)) {
            for (String field : kind.required()) {
                if (!parser.getHeaderMap().containsKey(field) && !hasAlias(parser, field)) {
                    throw new DatasetException("line 1 (header): missing column '" + field + "'");
                }
            }
            long records = 0;
            try {
                for (CSVRecord rec : parser) {
                    JsonObjectBuilder b = Json.createObjectBuilder();
                    rec.toMap().forEach((k, v) -> b.add(k, v == null ? "" : v));
                    write(normalise(b.build(), parser.getCurrentLineNumber()), out);
                    records++;
                }
            } catch (java.io.UncheckedIOException e) {
                throw new DatasetException("line " + parser.getCurrentLineNumber() + ": malformed CSV ("
                        + e.getCause().getMessage() + ")");
            }
            return records;
        }
    }

    private boolean hasAlias(CSVParser parser, String field) {
        return field.equals("response") && parser.getHeaderMap().containsKey("completion");
    }

    /** The record with exactly its kind's fields, each checked to be a non-empty string. */
    JsonObject normalise(JsonObject o, long line) throws DatasetException {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String field : kind.required()) {
            String name = field;
            if (!o.containsKey(field) && field.equals("response") && o.containsKey("completion")) {
                name = "completion";
            }
            JsonValue v = o.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                throw new DatasetException("line " + line + ": missing field '" + field + "'");
            }
            if (v.getValueType() != JsonValue.ValueType.STRING) {
                throw new DatasetException("line " + line + ": field '" + name + "' must be a string, got "
                        + typeName(v));
            }
            if (o.getString(name).isBlank()) {
                throw new DatasetException("line " + line + ": field '" + name + "' is empty");
            }
            b.add(field, o.getString(name));
        }
        for (String field : kind.optional()) {
            JsonValue v = o.get(field);
            if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
                if (v.getValueType() != JsonValue.ValueType.STRING) {
                    throw new DatasetException("line " + line + ": field '" + field + "' must be a string, got "
                            + typeName(v));
                }
                b.add(field, o.getString(field));
            }
        }
        return b.build();
    }

    private static void write(JsonObject o, Writer out) throws IOException {
        out.write(o.toString());
        out.write('\n');
    }

    private static String typeName(JsonValue v) {
        return v.getValueType().name().toLowerCase(Locale.ROOT);
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
