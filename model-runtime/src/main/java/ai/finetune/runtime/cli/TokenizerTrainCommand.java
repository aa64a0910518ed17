package ai.finetune.runtime.cli;

import ai.finetune.runtime.data.Document;
import ai.finetune.runtime.data.DocumentReader;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.BpeTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tokenizer-train}: learns a byte-level BPE from a corpus and saves it as a Hugging Face tokenizer.json. */
public final class TokenizerTrainCommand implements Command {
    @Override
    public String name() {
        return "tokenizer-train";
    }

    @Override
    public String summary() {
        return "train a byte-level BPE tokenizer (tokenizer.json) on a corpus";
    }

    @Override
    public String help() {
        return """
                tokenizer-train --corpus=DIR|FILE --out=FILE [options]
                  --corpus=DIR|FILE        a folder of text files, a .jsonl/.jsonl.gz with a "text" field, or
                                           hh-rlhf pairs (.jsonl.gz with "chosen"/"rejected" dialogues);
                                           JSONL files inside a folder are read by line too
                  --out=FILE               the tokenizer.json to write (atomically)
                  --vocabSize=2048         learned vocabulary: 256 bytes + merges + 2 special tokens
                                           (<|endoftext|>, <|response|>); at least 258
                  --whitespaceTokens=true  also add Codex's whitespace-run tokens after the learned vocabulary
                  --minFrequency=2         pairs seen fewer times are never merged
                  --glob=*                 which files of a folder to read (file name, or relative path if it has '/')
                  --exclude=               comma-separated globs of relative paths to leave out of a folder
                Last stdout line: {"out":..,"vocabSize":..,"learnedVocabSize":..,"merges":..,"whitespaceTokens":..,
                "documents":..,"chars":..,"seconds":..}""";
    }

    @Override
    public int run(Options options) throws Exception {
        Path corpus = options.path("corpus");
        Path out = options.path("out");
        int vocabSize = options.integer("vocabSize", 2048);
        boolean whitespace = options.bool("whitespaceTokens", true);
        int minFrequency = options.integer("minFrequency", 2);
        String glob = options.string("glob", "*");
        List<String> excludes = CorpusOptions.list(options.string("exclude", ""));
        options.rejectUnknown();
        if (vocabSize < BpeTrainer.MIN_VOCAB_SIZE) {
            throw new UsageException(name() + ": --vocabSize=" + vocabSize + " is too small: a byte-level BPE needs at least "
                    + BpeTrainer.MIN_VOCAB_SIZE + " (256 byte tokens + 2 special tokens)");
        }
        if (minFrequency < 1) {
            throw new UsageException(name() + ": --minFrequency must be at least 1, got " + minFrequency);
        }
        CorpusOptions.requireExists(name(), "corpus", corpus);

        long start = System.nanoTime();
        BpeTrainer trainer = new BpeTrainer(vocabSize, minFrequency);
        ProgressLine reading = new ProgressLine(name(), "documents read");
        long[] documents = {0};
        long[] skipped = {0};
        new DocumentReader(glob, excludes).read(corpus, new DocumentReader.Sink() {
            @Override
            public void document(Document d) {
                trainer.feed(d.text());
                reading.update(++documents[0], 0);
            }

            @Override
            public void undecodable(String source, long bytes) {
                skipped[0]++;
                System.err.println(name() + ": skipping " + source + " (not UTF-8 text)");
            }
        });
        if (documents[0] == 0) {
            throw new UsageException(name() + ": --corpus=" + corpus + " holds no documents (glob '" + glob + "')");
        }
        System.err.printf("%s: %d documents, %d chars, %d distinct words%n", name(), documents[0], trainer.fedChars(),
                trainer.distinctWords());
        ProgressLine merging = new ProgressLine(name(), "merges");
        BpeTokenizer learned = trainer.train(merging::update);
        if (learned.vocabSize() < vocabSize) {
            System.err.printf("%s: warning: only %d tokens learned (no pair seen %d times remains)%n", name(),
                    learned.vocabSize(), minFrequency);
        }
        BpeTokenizer result = whitespace ? learned.withWhitespaceTokens() : learned;
        result.save(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("vocabSize", result.vocabSize());
        summary.put("learnedVocabSize", learned.vocabSize());
        summary.put("merges", learned.merges().size());
        summary.put("whitespaceTokens", result.vocabSize() - learned.vocabSize());
        summary.put("documents", documents[0]);
        summary.put("skippedFiles", skipped[0]);
        summary.put("chars", trainer.fedChars());
        summary.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        System.out.println(SummaryJson.line(summary));
        return 0;
    }
}
