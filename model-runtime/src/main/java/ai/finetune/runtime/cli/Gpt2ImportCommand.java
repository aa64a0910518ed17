package ai.finetune.runtime.cli;

import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.hf.Gpt2Checkpoint;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code gpt2-import}: a Hugging Face GPT-2 folder to a model folder that pretrain/sft --init and sample read. */
public final class Gpt2ImportCommand implements Command {
    @Override
    public String name() {
        return "gpt2-import";
    }

    @Override
    public String summary() {
        return "import a Hugging Face GPT-2 checkpoint (config.json, model.safetensors, tokenizer.json)";
    }

    @Override
    public String help() {
        return "usage: gpt2-import --hf=DIR --out=DIR [--tokenizer=FILE]\n" + summary() + "\n\n"
                + "  --hf=DIR          folder with config.json and model.safetensors (GPT-2 names, Conv1D layout)\n"
                + "  --tokenizer=FILE  tokenizer.json (default: DIR/tokenizer.json)\n"
                + "  --out=DIR         model folder written (config.json, tokenizer.json, model.safetensors)\n"
                + "Adding <|response|> or whitespace tokens to the tokenizer? Then run adapt-checkpoint.";
    }

    @Override
    public int run(Options options) throws Exception {
        Path hf = options.path("hf");
        Path out = options.path("out");
        Path tokFile = options.path("tokenizer", hf.resolve("tokenizer.json"));
        options.rejectUnknown();
        if (!Files.isRegularFile(tokFile)) {
            throw new UsageException(name() + ": no tokenizer at " + tokFile + " (give --tokenizer=FILE)");
        }
        BpeTokenizer tok = BpeTokenizer.load(tokFile);
        Gpt2Checkpoint.Imported imp = Gpt2Checkpoint.read(hf);
        if (tok.vocabSize() > imp.config().vocabSize()) {
            throw new UsageException(name() + ": " + tokFile + " has " + tok.vocabSize() + " tokens, the model "
                    + imp.config().vocabSize() + " rows");
        }
        Checkpoint.saveModel(out, new Checkpoint.Meta("gpt2-import", imp.config(), null, Map.of("hf", hf.toString())),
                imp.tensors(), tok);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("out", out.toString());
        summary.put("config", imp.config());
        summary.put("parameters", imp.config().parameterCount());
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
