package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code adapt-checkpoint}: moves a checkpoint to a tokenizer that extends its own (Codex's whitespace tokens
 * added to a trained or imported GPT-2 tokenizer). The tied embedding/LM-head matrix grows to the new
 * vocabulary; each new row starts as the mean of the rows of the old tokens that spell it.
 */
public final class AdaptCheckpointCommand implements Command {
    @Override
    public String name() {
        return "adapt-checkpoint";
    }

    @Override
    public String summary() {
        return "grow a checkpoint's embedding and LM-head rows to an extended tokenizer (whitespace tokens)";
    }

    @Override
    public String help() {
        return "usage: adapt-checkpoint --model=DIR --tokenizer=FILE --out=DIR\n" + summary() + "\n\n"
                + "  --model=DIR       checkpoint, run folder or model folder\n"
                + "  --tokenizer=FILE  the extended tokenizer.json; its first ids must be the checkpoint tokenizer's\n"
                + "  --out=DIR         model folder written (config, tokenizer.json, weights; no training state)\n"
                + "  --seed=N          for rows that no old token spells (default 0)";
    }

    @Override
    public int run(Options options) throws Exception {
        Path modelDir = options.path("model");
        Path tokenizerFile = options.path("tokenizer");
        Path out = options.path("out");
        long seed = options.longValue("seed", 0);
        options.rejectUnknown();
        Checkpoint.Loaded cp = Checkpoint.load(modelDir);
        BpeTokenizer oldTok = BpeTokenizer.load(cp.tokenizerFile());
        BpeTokenizer newTok = BpeTokenizer.load(tokenizerFile);
        int oldVocab = cp.meta().model().vocabSize();
        if (newTok.vocabSize() < oldTok.vocabSize()) {
            throw new UsageException(name() + ": --tokenizer has " + newTok.vocabSize() + " tokens, fewer than the "
                    + "checkpoint's " + oldTok.vocabSize());
        }
        for (int id = 0; id < oldTok.vocabSize(); id++) {
            if (!oldTok.token(id).equals(newTok.token(id))) {
                throw new UsageException(name() + ": --tokenizer is not an extension of the checkpoint's tokenizer: "
                        + "id " + id + " is '" + newTok.token(id) + "', was '" + oldTok.token(id) + "'");
            }
        }
        int target = Math.max(newTok.vocabSize(), oldVocab);
        int[] spelled = {0};
        try (GptModel model = GptModel.fromTensors(cp.meta().model(), Device.cpu(), cp.weights());
             GptModel grown = model.withVocabSize(target, id -> {
                 int[] src = oldTok.encode(newTok.decode(new int[] {id}));
                 spelled[0] += src.length > 0 ? 1 : 0;
                 return src;
             }, seed)) {
            Map<String, String> opts = new LinkedHashMap<>(cp.meta().options() == null ? Map.of() : cp.meta().options());
            opts.put("adaptedFrom", cp.dir().toString());
            Checkpoint.saveModel(out, new Checkpoint.Meta("adapted", grown.config(), null, opts), grown.toTensors(),
                    newTok);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("out", out.toString());
        summary.put("old_vocab", oldVocab);
        summary.put("new_vocab", target);
        summary.put("rows_added", target - oldVocab);
        summary.put("rows_from_old_tokens", spelled[0]);
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
