package ai.finetune.runtime.rlhf;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loading the models RLHF combines from checkpoint folders (a checkpoint, a run folder with {@code latest}, or a
 * bare model folder). Dropout is switched off: PPO's probability ratios and the reward model's scores must be
 * functions of the weights alone.
 */
public final class RlhfModels {
    /** The tokenizer saved with a checkpoint. */
    public static Tokenizer tokenizer(Checkpoint.Loaded cp) throws IOException {
        return BpeTokenizer.load(cp.tokenizerFile());
    }

    /** A language model (base, SFT or PPO policy). */
    public static GptModel languageModel(Checkpoint.Loaded cp, Device device) throws IOException {
        try {
            return GptModel.fromTensors(cp.meta().model().withDropout(0), device, cp.weights());
        } catch (IllegalArgumentException e) {
            throw new IOException(cp.dir() + ": not a language model checkpoint: " + e.getMessage(), e);
        }
    }

    /** A reward model written by reward-train. */
    public static ScalarModel rewardModel(Checkpoint.Loaded cp, Device device) throws IOException {
        try {
            return ScalarModel.fromTensors(cp.meta().model().withDropout(0), device, cp.weights());
        } catch (IllegalArgumentException e) {
            throw new IOException(cp.dir() + ": " + e.getMessage(), e);
        }
    }

    public static Checkpoint.Loaded load(Path dir, String what) throws IOException {
        try {
            return Checkpoint.load(dir);
        } catch (IOException e) {
            throw new IOException(what + " " + dir + ": " + e.getMessage(), e);
        }
    }

    private RlhfModels() {}
}
