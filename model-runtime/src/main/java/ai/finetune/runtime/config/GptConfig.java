package ai.finetune.runtime.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Shape of a GPT decoder (nanoGPT's GPTConfig). Defaults live here and nowhere else; every checkpoint stores the
 * resolved record in its {@code config.json} so a run can be resumed or reproduced.
 *
 * @param vocabSize  rows of the token embedding (tied with the LM head); comes from the tokenizer
 * @param context    maximum sequence length (rows of the position embedding)
 * @param layers     number of transformer blocks
 * @param heads      attention heads per block; {@code width % heads == 0}
 * @param width      embedding width C
 * @param dropout    residual, attention and embedding dropout while training (0 = none)
 * @param activation {@code gelu} (exact, erf) for models trained here, {@code gelu_new} (tanh approximation) for
 *                   imported GPT-2 weights, which were trained with it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GptConfig(int vocabSize, int context, int layers, int heads, int width, double dropout, String activation) {
    public static final String GELU = "gelu";
    public static final String GELU_TANH = "gelu_new";

    /** A small code model that trains on two CPU cores: d128, 4 layers, 4 heads, 256 positions. */
    public static GptConfig defaults(int vocabSize) {
        return new GptConfig(vocabSize, 256, 4, 4, 128, 0.0, GELU);
    }

    public GptConfig {
        if (activation == null) {
            activation = GELU;
        }
        require(vocabSize > 0, "vocabSize must be > 0, got " + vocabSize);
        require(context > 0, "context must be > 0, got " + context);
        require(layers > 0, "layers must be > 0, got " + layers);
        require(heads > 0, "heads must be > 0, got " + heads);
        require(width > 0 && width % heads == 0, "width must be a positive multiple of heads (" + heads + "), got " + width);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(activation.equals(GELU) || activation.equals(GELU_TANH),
                "activation must be " + GELU + " or " + GELU_TANH + ", got " + activation);
    }

    public int headSize() {
        return width / heads;
    }

    public GptConfig withVocabSize(int v) {
        return new GptConfig(v, context, layers, heads, width, dropout, activation);
    }

    public GptConfig withDropout(double d) {
        return new GptConfig(vocabSize, context, layers, heads, width, d, activation);
    }

    /** Parameter count (the LM head is tied to the token embedding, so counted once). */
    public long parameterCount() {
        long c = width;
        long perBlock = 2 * 2 * c + (3 * c * c + 3 * c) + (c * c + c) + (4 * c * c + 4 * c) + (4 * c * c + c);
        return (long) vocabSize * c + (long) context * c + layers * perBlock + 2 * c;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("GptConfig: " + message);
        }
    }
}
