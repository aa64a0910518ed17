package ai.finetune.runtime.cli;

import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.SftData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code sft}: supervised finetuning on prompt/response pairs, loss on the response only (InstructGPT step 1). */
public final class SftCommand extends TrainingCommand {
    @Override
    public String name() {
        return "sft";
    }

    @Override
    public String summary() {
        return "supervised finetuning on {prompt, response} pairs (loss on response tokens only)";
    }

    @Override
    String kind() {
        return "sft";
    }

    @Override
    TrainConfig defaults() {
        return TrainConfig.sftDefaults();
    }

    @Override
    GptConfig modelDefaults(int vocabSize) {
        return GptConfig.defaults(vocabSize).withDropout(TrainConfig.SFT_DROPOUT);
    }

    @Override
    Double initDropout() {
        return TrainConfig.SFT_DROPOUT; // InstructGPT's residual dropout 0.2 for SFT
    }

    @Override
    String dataHelp() {
        return "  --data=FILE             .jsonl of {\"prompt\": .., \"response\": ..} (or \"completion\"); sequence =\n"
                + "                          prompt + <|response|> + response + <|endoftext|>; every 20th held out\n"
                + "  --init=DIR              usually the pretrained base model; --dropout defaults to 0.2 then\n";
    }

    @Override
    Data loadData(Path data, Path valData, Tokenizer tokenizer, int seqLen) throws Exception {
        SftData.Split s = SftData.load(data, valData, tokenizer, seqLen);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("train_pairs", s.train().size());
        summary.put("val_pairs", s.val() == null ? 0 : s.val().size());
        summary.put("truncated_pairs", s.truncated());
        return new Data(s.train(), s.val(), summary);
    }
}
