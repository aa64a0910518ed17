package ai.finetune.runtime.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns source files (or JSONL documents) into a code corpus: {@link CodeFilter}, exact-duplicate removal by
 * SHA-256 of the content (the first copy in read order stays), and a deterministic train/validation split.
 *
 * <p>Writes, each atomically: {@code train.jsonl} and {@code val.jsonl} (one {@code {"text":..,"source":..}} per
 * line, in read order) and {@code report.json} (files and bytes read, removed per filter, kept, per split).
 *
 * <p>The split ranks documents by a hash of (seed, content hash) and sends the first
 * {@code round(n * valFraction)} to validation (at least one when {@code valFraction > 0} and there are two or
 * more documents): the same seed and input always give the same split, independent of read order.
 */
public final class CorpusPreparer {
    /** Everything that decides the output; also written into {@code report.json}. */
    public record Config(CodeFilter filter, double valFraction, long seed, String glob, List<String> excludes) {
        public Config {
            if (!(valFraction >= 0 && valFraction < 1)) {
                throw new IllegalArgumentException("valFraction must be in [0, 1), got " + valFraction);
            }
            excludes = List.copyOf(excludes);
        }
    }

    /** Files (documents) and UTF-8 bytes. */
    public static final class Tally {
        public long files;
        public long bytes;

        void add(long b) {
            files++;
            bytes += b;
        }

        Map<String, Long> toMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("files", files);
            m.put("bytes", bytes);
            return m;
        }
    }

    /** Counts of one run, as written to {@code report.json}. */
    public static final class Report {
        public final Tally read = new Tally();
        public final Map<String, Tally> removed = new LinkedHashMap<>();
        public final Tally kept = new Tally();
        public final Tally train = new Tally();
        public final Tally val = new Tally();

        Report() {
            removed.put("undecodable", new Tally());
            for (CodeFilter.Reason r : CodeFilter.Reason.values()) {
                removed.put(r.key, new Tally());
            }
            removed.put("duplicate", new Tally());
        }

        public long removedFiles() {
            return removed.values().stream().mapToLong(t -> t.files).sum();
        }

        public long removedBytes() {
            return removed.values().stream().mapToLong(t -> t.bytes).sum();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Config config;

    public CorpusPreparer(Config config) {
        this.config = config;
    }

    /** Reads {@code input}, writes the three files into {@code outDir}, and returns the counts. */
    public Report prepare(Path input, Path outDir, Progress progress) throws IOException {
        Report report = new Report();
        List<Document> kept = new ArrayList<>();
        List<byte[]> keptHashes = new ArrayList<>();
        Set<ByteBuffer> seen = new HashSet<>();
        new DocumentReader(config.glob(), config.excludes()).read(input, new DocumentReader.Sink() {
            @Override
            public void document(Document d) {
                byte[] utf8 = d.text().getBytes(StandardCharsets.UTF_8);
                report.read.add(utf8.length);
                progress.read(report.read.files);
                CodeFilter.Reason reason = config.filter().check(d.text());
                if (reason != null) {
                    report.removed.get(reason.key).add(utf8.length);
                    return;
                }
                byte[] hash = sha256(utf8);
                if (!seen.add(ByteBuffer.wrap(hash))) {
                    report.removed.get("duplicate").add(utf8.length);
                    return;
                }
                kept.add(d);
                keptHashes.add(hash);
                report.kept.add(utf8.length);
            }

            @Override
            public void undecodable(String source, long bytes) {
                report.read.add(bytes);
                report.removed.get("undecodable").add(bytes);
            }
        });

        boolean[] isVal = chooseValidation(keptHashes);
        writeJsonl(outDir.resolve("train.jsonl"), kept, isVal, false, report.train);
        writeJsonl(outDir.resolve("val.jsonl"), kept, isVal, true, report.val);
        AtomicFiles.write(outDir.resolve("report.json"), out -> JSON.writeValue(out, reportJson(input, report)));
        return report;
    }

    /** Read progress (documents so far). */
    @FunctionalInterface
    public interface Progress {
        void read(long documents);
    }

    private boolean[] chooseValidation(List<byte[]> hashes) {
        int n = hashes.size();
        int nVal = (int) Math.round(n * config.valFraction());
        if (config.valFraction() > 0 && nVal == 0 && n >= 2) {
            nVal = 1;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ByteBuffer.wrap(sha256(ByteBuffer.allocate(8 + 32).putLong(config.seed()).put(hashes.get(i)).array())).getLong();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> keys[i]).thenComparingInt(i -> i));
        boolean[] isVal = new boolean[n];
        for (int k = 0; k < nVal; k++) {
            isVal[order.get(k)] = true;
        }
        return isVal;
    }

    private static void writeJsonl(Path file, List<Document> docs, boolean[] isVal, boolean val, Tally tally)
            throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setRootValueSeparator(null);
                for (int i = 0; i < docs.size(); i++) {
                    if (isVal[i] != val) {
                        continue;
                    }
                    Document d = docs.get(i);
                    g.writeStartObject();
                    g.writeStringField("text", d.text());
                    g.writeStringField("source", d.source());
                    g.writeEndObject();
                    g.writeRaw('\n');
                    tally.add(d.text().getBytes(StandardCharsets.UTF_8).length);
                }
            }
        });
    }

    private Map<String, Object> reportJson(Path input, Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("glob", config.glob());
        c.put("exclude", config.excludes());
        c.put("maxAverageLineLength", config.filter().maxAverageLineLength());
        c.put("maxLineLength", config.filter().maxLineLength());
        c.put("minAlphanumericFraction", config.filter().minAlphanumericFraction());
        c.put("generatedMarker", config.filter().generatedMarker().pattern());
        c.put("generatedScanLines", config.filter().generatedScanLines());
        c.put("valFraction", config.valFraction());
        c.put("seed", config.seed());
        m.put("config", c);
        m.put("read", report.read.toMap());
        Map<String, Object> removed = new LinkedHashMap<>();
        report.removed.forEach((k, t) -> removed.put(k, t.toMap()));
        m.put("removed", removed);
        m.put("kept", report.kept.toMap());
        m.put("train", report.train.toMap());
        m.put("val", report.val.toMap());
        return m;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
