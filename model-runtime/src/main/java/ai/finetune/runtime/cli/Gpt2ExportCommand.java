package ai.finetune.runtime.cli;

import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.hf.Gpt2Checkpoint;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code gpt2-export}: a checkpoint to a Hugging Face GPT-2 folder (transformers' GPT2LMHeadModel reads it). */
public final class Gpt2ExportCommand implements Command {
    @Override
    public String name() {
        return "gpt2-export";
    }

    @Override
    public String summary() {
        return "export a checkpoint as a Hugging Face GPT-2 folder (config.json, model.safetensors, tokenizer.json)";
    }

    @Override
    public String help() {
        return "usage: gpt2-export --model=DIR --out=DIR\n" + summary() + "\n\n"
                + "  --model=DIR  checkpoint, run folder or model folder\n"
                + "  --out=DIR    folder written; Conv1D weights are stored transposed (in, out) as GPT-2 does";
    }

    @Override
    public int run(Options options) throws Exception {
        Path model = options.path("model");
        Path out = options.path("out");
        options.rejectUnknown();
        Checkpoint.Loaded cp = Checkpoint.load(model);
        BpeTokenizer tok = BpeTokenizer.load(cp.tokenizerFile());
        Gpt2Checkpoint.write(out, cp.meta().model(), cp.weights(), tok.endOfTextId());
        tok.save(out.resolve("tokenizer.json"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("from", cp.dir().toString());
        summary.put("out", out.toString());
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
