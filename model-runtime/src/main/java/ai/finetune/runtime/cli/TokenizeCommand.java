package ai.finetune.runtime.cli;

import ai.finetune.runtime.data.Document;
import ai.finetune.runtime.data.DocumentReader;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tokenize}: counts the tokens a tokenizer needs for a file or folder. */
public final class TokenizeCommand implements Command {
    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public String summary() {
        return "count the tokens of a file or folder under a tokenizer.json";
    }

    @Override
    public String help() {
        return """
                tokenize --tokenizer=FILE --input=DIR|FILE [options]
                  --tokenizer=FILE   a byte-level BPE tokenizer.json (ours or GPT-2's)
                  --input=DIR|FILE   a folder, a text file, or a .jsonl/.jsonl.gz of documents ("text" field)
                  --glob=*           which files of a folder to read (file name, or relative path if it has '/')
                  --exclude=         comma-separated globs of relative paths to leave out of a folder
                  --baseline=FILE    also count tokens under another tokenizer.json (e.g. the same one without
                                     whitespace tokens) and report "baselineTokens" and "reduction"
                  --verifyHuggingFace=false  also encode every document with Hugging Face's tokenizers library
                                     (through DJL) and count documents whose ids differ from ours
                Special-token strings in the input count as plain text. Files that are not UTF-8 are skipped.
                Last stdout line: {"files":..,"bytes":..,"tokens":..,"documents":..,"skippedFiles":..,"bytesPerToken":..}
                (with --baseline: "baselineTokens":..,"reduction":..; with --verifyHuggingFace: "huggingFaceMismatches":..)""";
    }

    @Override
    public int run(Options options) throws Exception {
        Path tokenizerFile = options.path("tokenizer");
        Path input = options.path("input");
        String glob = options.string("glob", "*");
        List<String> excludes = CorpusOptions.list(options.string("exclude", ""));
        Path baselineFile = options.path("baseline", null);
        boolean verify = options.bool("verifyHuggingFace", false);
        options.rejectUnknown();
        CorpusOptions.requireExists(name(), "tokenizer", tokenizerFile);
        CorpusOptions.requireExists(name(), "input", input);
        BpeTokenizer tokenizer = BpeTokenizer.load(tokenizerFile);
        BpeTokenizer baseline = null;
        if (baselineFile != null) {
            CorpusOptions.requireExists(name(), "baseline", baselineFile);
            baseline = BpeTokenizer.load(baselineFile);
        }
        BpeTokenizer baselineTokenizer = baseline;
        // DJL's wrapper truncates to 512 tokens unless told not to, and must not add BOS/EOS
        HuggingFaceTokenizer hf = verify ? HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerFile)
                .optTruncation(false).optAddSpecialTokens(false).optPadding(false).build() : null;

        long[] counts = new long[6]; // documents, bytes, tokens, skipped files, HF mismatches, baseline tokens
        ProgressLine progress = new ProgressLine(name(), "documents");
        new DocumentReader(glob, excludes).read(input, new DocumentReader.Sink() {
            @Override
            public void document(Document d) {
                counts[0]++;
                counts[1] += d.text().getBytes(StandardCharsets.UTF_8).length;
                int[] ids = tokenizer.encode(d.text());
                counts[2] += ids.length;
                if (baselineTokenizer != null) {
                    counts[5] += baselineTokenizer.encode(d.text()).length;
                }
                if (hf != null && !Arrays.equals(Arrays.stream(ids).asLongStream().toArray(),
                        hf.encode(d.text(), false, false).getIds())) {
                    counts[4]++;
                    System.err.println(name() + ": Hugging Face ids differ for " + d.source());
                }
                progress.update(counts[0], 0);
            }

            @Override
            public void undecodable(String source, long bytes) {
                counts[3]++;
            }
        });
        if (hf != null) {
            hf.close();
        }
        long files = Files.isDirectory(input) ? counts[0] + counts[3] : 1;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", files);
        summary.put("bytes", counts[1]);
        summary.put("tokens", counts[2]);
        summary.put("documents", counts[0]);
        summary.put("skippedFiles", counts[3]);
        summary.put("bytesPerToken", counts[2] == 0 ? 0 : Math.round(1000.0 * counts[1] / counts[2]) / 1000.0);
        if (baseline != null) {
            summary.put("baselineTokens", counts[5]);
            // fewer tokens than the baseline, as a fraction of the baseline: 0.19 = 19% fewer
            summary.put("reduction", counts[5] == 0 ? 0 : Math.round(10000.0 * (counts[5] - counts[2]) / counts[5]) / 10000.0);
        }
        if (hf != null) {
            summary.put("huggingFaceMismatches", counts[4]);
        }
        System.out.println(SummaryJson.line(summary));
        return 0;
    }
}
