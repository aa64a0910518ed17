package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.BpeTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A tiny random GPT checkpoint for the command tests: 256 positions, 2 layers, 2 heads, width 32, GELU. */
final class TinyGptCheckpoint {
    /**
     * Trains a BPE tokenizer of {@code vocabSize} on {@code text}, initialises a GPT with {@code seed} and saves
     * both as a "pretrain" checkpoint in {@code modelDir}.
     */
    static Path save(Path modelDir, String text, int vocabSize, long seed) throws IOException {
        BpeTrainer trainer = new BpeTrainer(vocabSize, 1);
        trainer.feed(text);
        BpeTokenizer tokenizer = trainer.train();
        GptConfig cfg = new GptConfig(tokenizer.vocabSize(), 256, 2, 2, 32, 0.0, GptConfig.GELU);
        try (GptModel model = GptModel.create(cfg, Device.cpu(), seed)) {
            Checkpoint.saveModel(modelDir, new Checkpoint.Meta("pretrain", cfg, null, Map.of()), model.toTensors(),
                    tokenizer);
        }
        return modelDir;
    }

    private TinyGptCheckpoint() {}
}
