package ai.finetune.runtime.cli;

import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.PretrainData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code pretrain}: causal language modelling over packed documents. */
public final class PretrainCommand extends TrainingCommand {
    @Override
    public String name() {
        return "pretrain";
    }

    @Override
    public String summary() {
        return "pretrain a GPT on a text/code corpus (causal LM over packed sequences)";
    }

    @Override
    String kind() {
        return "pretrain";
    }

    @Override
    TrainConfig defaults() {
        return TrainConfig.pretrainDefaults();
    }

    @Override
    GptConfig modelDefaults(int vocabSize) {
        return GptConfig.defaults(vocabSize);
    }

    @Override
    Double initDropout() {
        return null;
    }

    @Override
    String dataHelp() {
        return "  --data=DIR|FILE         DIR with train.jsonl and val.jsonl (prepare-corpus output), or one .jsonl\n"
                + "                          of {\"text\": ..} lines (every 20th held out for validation)\n";
    }

    @Override
    Data loadData(Path data, Path valData, Tokenizer tokenizer, int seqLen) throws Exception {
        PretrainData.Split s = PretrainData.load(data, valData, tokenizer, seqLen);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("train_docs", s.trainDocs());
        summary.put("train_tokens", s.trainTokens());
        summary.put("train_sequences", s.train().size());
        summary.put("val_docs", s.valDocs());
        summary.put("val_tokens", s.valTokens());
        return new Data(s.train(), s.val(), summary);
    }
}
