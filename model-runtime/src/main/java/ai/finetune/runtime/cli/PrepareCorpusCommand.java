package ai.finetune.runtime.cli;

import ai.finetune.runtime.data.CodeFilter;
import ai.finetune.runtime.data.CorpusPreparer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/** {@code prepare-corpus}: Codex's filters, exact de-duplication and a train/validation split of source code. */
public final class PrepareCorpusCommand implements Command {
    @Override
    public String name() {
        return "prepare-corpus";
    }

    @Override
    public String summary() {
        return "filter, de-duplicate and split source files into train.jsonl/val.jsonl";
    }

    @Override
    public String help() {
        CodeFilter d = CodeFilter.defaults();
        return """
                prepare-corpus --input=DIR|FILE.jsonl --out=DIR [options]
                  --input=DIR|FILE          a folder of source files, or a .jsonl/.jsonl.gz of documents ("text")
                  --out=DIR                 receives train.jsonl, val.jsonl ({"text":..,"source":..} per line)
                                            and report.json (files and bytes removed per filter)
                  --glob=*.py               which files of a folder to read (file name, or relative path if it has '/')
                  --exclude=                comma-separated globs of relative paths to leave out (held-out files)
                  --valFraction=0.05        share of the kept documents that goes to val.jsonl
                  --seed=0                  decides the split
                  --maxAverageLineLength=%s drop files whose mean line length is greater
                  --maxLineLength=%d      drop files with a longer line
                  --minAlphanumericFraction=%s drop files with fewer letters and digits
                  --generatedMarker=REGEX   case-insensitive marker of auto-generated files (default: %s)
                  --generatedScanLines=%d   how many leading lines are searched for the marker
                Last stdout line: {"out":..,"read":..,"kept":..,"train":..,"val":..,"removed":..,...}"""
                .formatted(d.maxAverageLineLength(), d.maxLineLength(), d.minAlphanumericFraction(),
                        CodeFilter.DEFAULT_GENERATED_MARKER, d.generatedScanLines());
    }

    @Override
    public int run(Options options) throws Exception {
        Path input = options.path("input");
        Path out = options.path("out");
        String glob = options.string("glob", "*.py");
        List<String> excludes = CorpusOptions.list(options.string("exclude", ""));
        double valFraction = options.decimal("valFraction", 0.05);
        long seed = options.longValue("seed", 0);
        CodeFilter d = CodeFilter.defaults();
        double maxAvg = options.decimal("maxAverageLineLength", d.maxAverageLineLength());
        int maxLine = options.integer("maxLineLength", d.maxLineLength());
        double minAlnum = options.decimal("minAlphanumericFraction", d.minAlphanumericFraction());
        String marker = options.string("generatedMarker", CodeFilter.DEFAULT_GENERATED_MARKER);
        int scanLines = options.integer("generatedScanLines", d.generatedScanLines());
        options.rejectUnknown();
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new UsageException(name() + ": --valFraction must be in [0, 1), got " + valFraction);
        }
        if (maxAvg <= 0 || maxLine <= 0 || minAlnum < 0 || minAlnum > 1 || scanLines < 0) {
            throw new UsageException(name() + ": thresholds must be positive (--minAlphanumericFraction in [0, 1])");
        }
        CodeFilter filter;
        try {
            filter = new CodeFilter(maxAvg, maxLine, minAlnum, CodeFilter.compileMarker(marker), scanLines);
        } catch (PatternSyntaxException e) {
            throw new UsageException(name() + ": --generatedMarker is not a valid regex: " + e.getDescription());
        }
        CorpusOptions.requireExists(name(), "input", input);

        long start = System.nanoTime();
        ProgressLine progress = new ProgressLine(name(), "documents read");
        CorpusPreparer.Report report = new CorpusPreparer(
                new CorpusPreparer.Config(filter, valFraction, seed, glob, excludes)).prepare(input, out,
                n -> progress.update(n, 0));
        if (report.read.files == 0) {
            System.err.println(name() + ": warning: --input=" + input + " held no documents matching '" + glob + "'");
        }
        report.removed.forEach((k, t) -> {
            if (t.files > 0) {
                System.err.printf("%s: removed %d files (%d bytes): %s%n", name(), t.files, t.bytes, k);
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("read", report.read.files);
        summary.put("readBytes", report.read.bytes);
        summary.put("kept", report.kept.files);
        summary.put("train", report.train.files);
        summary.put("trainBytes", report.train.bytes);
        summary.put("val", report.val.files);
        summary.put("valBytes", report.val.bytes);
        summary.put("removed", report.removedFiles());
        summary.put("removedBytes", report.removedBytes());
        summary.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        System.out.println(SummaryJson.line(summary));
        return 0;
    }
}
