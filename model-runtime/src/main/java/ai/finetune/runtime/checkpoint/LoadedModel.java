package ai.finetune.runtime.checkpoint;

import ai.djl.Device;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model ready for inference: weights, tokenizer and config of one checkpoint (a checkpoint folder, a run
 * folder with a {@code latest} file, or a bare model folder such as {@code models/base-python}).
 * <pre>
 *   try (LoadedModel m = LoadedModel.load(dir, Device.cpu())) {
 *       List&lt;Completion&gt; c = new Sampler(m.model(), m.tokenizer()).sample(prompt, config);
 *   }
 * </pre>
 */
public record LoadedModel(GptModel model, Tokenizer tokenizer, Checkpoint.Meta meta, Path dir) implements AutoCloseable {
    public static LoadedModel load(Path dir, Device device) throws IOException {
        Checkpoint.Loaded cp = Checkpoint.load(dir);
        Tokenizer tok = BpeTokenizer.load(cp.tokenizerFile());
        if (tok.vocabSize() > cp.meta().model().vocabSize()) {
            throw new IOException(cp.dir() + ": tokenizer has " + tok.vocabSize() + " tokens but the model has "
                    + cp.meta().model().vocabSize() + " embedding rows");
        }
        return new LoadedModel(GptModel.fromTensors(cp.meta().model(), device, cp.weights()), tok, cp.meta(),
                cp.dir());
    }

    @Override
    public void close() {
        model.close();
    }
}
