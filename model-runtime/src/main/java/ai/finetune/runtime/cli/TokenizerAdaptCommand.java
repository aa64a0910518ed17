package ai.finetune.runtime.cli;

import ai.finetune.runtime.tokenizer.BpeTokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tokenizer-adapt}: adds the special tokens and Codex's whitespace-run tokens to an existing tokenizer.json
 * (e.g. GPT-2's). Existing ids keep their meaning; new ids follow the old vocabulary, so a checkpoint's embedding
 * and output rows only need appending.
 */
public final class TokenizerAdaptCommand implements Command {
    @Override
    public String name() {
        return "tokenizer-adapt";
    }

    @Override
    public String summary() {
        return "add special and whitespace-run tokens to a tokenizer.json (e.g. GPT-2's)";
    }

    @Override
    public String help() {
        return """
                tokenizer-adapt --tokenizer=IN --out=OUT [options]
                  --tokenizer=IN           a byte-level BPE tokenizer.json
                  --out=OUT                the adapted tokenizer.json to write (atomically; may equal IN)
                  --whitespaceTokens=true  add the whitespace-run tokens
                  --specialTokens=true     add <|endoftext|> and <|response|> where missing
                Last stdout line: {"in":..,"out":..,"vocabSizeBefore":..,"vocabSize":..,"added":..}""";
    }

    @Override
    public int run(Options options) throws Exception {
        Path in = options.path("tokenizer");
        Path out = options.path("out");
        boolean whitespace = options.bool("whitespaceTokens", true);
        boolean specials = options.bool("specialTokens", true);
        options.rejectUnknown();
        CorpusOptions.requireExists(name(), "tokenizer", in);
        BpeTokenizer before = BpeTokenizer.load(in);
        BpeTokenizer after = before;
        if (specials) {
            after = after.withSpecialTokens();
        }
        if (whitespace) {
            after = after.withWhitespaceTokens();
        }
        after.save(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("in", in.toString());
        summary.put("out", out.toString());
        summary.put("vocabSizeBefore", before.vocabSize());
        summary.put("vocabSize", after.vocabSize());
        summary.put("added", after.addedTokens().size() - before.addedTokens().size());
        System.out.println(SummaryJson.line(summary));
        return 0;
    }
}
