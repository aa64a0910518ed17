package ai.finetune.runtime.eval.alignment;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores continuations with the GPT model ({@link GptModel#tokenLogProbs}).
 *
 * <p>Token ids: {@code <|endoftext|>} (the document start the model saw in training), then the context's ids, then
 * the continuation's ids, each part encoded on its own so the scored tokens are exactly the continuation's. When
 * the sequence exceeds the model's context the context is cut from the left; a continuation that alone does not
 * fit (it needs at least one token of context before it) is an error.
 *
 * <p>The continuations of one context are scored as one batch, right-padded: attention is causal, so padding after
 * a row's last token cannot change that row's log-probabilities. Batches are split so their logits stay under
 * {@link #MAX_LOGITS} floats (memory grows with rows x positions x vocabulary).
 *
 * <p>The log-probabilities are normalised over all of the model's embedding rows, as training normalised them;
 * rows a grown model holds beyond its tokenizer's vocabulary take a negligible share once trained.
 */
public final class GptContinuationScorer implements ModelScorer {
    /** The most logits one forward pass may hold: 32M floats, 128 MiB. */
    static final long MAX_LOGITS = 32L << 20;
    private final GptModel model;
    private final Tokenizer tokenizer;
    private final boolean ownsModel;

    /** A scorer over a model the caller keeps and closes. */
    public GptContinuationScorer(GptModel model, Tokenizer tokenizer) {
        this(model, tokenizer, false);
    }

    private GptContinuationScorer(GptModel model, Tokenizer tokenizer, boolean ownsModel) {
        if (tokenizer.vocabSize() > model.config().vocabSize()) {
            throw new IllegalArgumentException("tokenizer has " + tokenizer.vocabSize() + " tokens, the model only "
                    + model.config().vocabSize() + " embedding rows");
        }
        this.model = model;
        this.tokenizer = tokenizer;
        this.ownsModel = ownsModel;
    }

    /**
     * Loads a checkpoint folder (or a run folder, through its {@code latest} file) and its tokenizer; closing the
     * scorer frees the model.
     *
     * @param device e.g. {@code cpu} or {@code gpu:0}
     */
    public static GptContinuationScorer open(Path modelDir, String device) throws IOException {
        Checkpoint.Loaded cp = Checkpoint.load(modelDir);
        Tokenizer tokenizer = BpeTokenizer.load(cp.tokenizerFile());
        GptModel model = GptModel.fromTensors(cp.meta().model(), Devices.parse(device), cp.weights());
        try {
            return new GptContinuationScorer(model, tokenizer, true);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public double[] tokenLogProbs(String context, String continuation) {
        return tokenLogProbs(context, List.of(continuation)).get(0);
    }

    @Override
    public List<double[]> tokenLogProbs(String context, List<String> continuations) {
        int[] contextIds = tokenizer.encode(context);
        int window = model.config().context();
        List<long[]> rows = new ArrayList<>(continuations.size());
        int[] scored = new int[continuations.size()];
        for (int i = 0; i < continuations.size(); i++) {
            int[] cont = tokenizer.encode(continuations.get(i));
            if (cont.length == 0) {
                throw new IllegalArgumentException("the continuation '" + continuations.get(i) + "' has no tokens");
            }
            if (cont.length >= window) {
                throw new IllegalArgumentException("the continuation has " + cont.length + " tokens; the model's "
                        + "context of " + window + " leaves no room for the context before it");
            }
            // [eot] + context, cut from the left so that it and the continuation fit the window
            int keep = Math.min(contextIds.length + 1, window - cont.length);
            long[] row = new long[keep + cont.length];
            for (int p = 0; p < keep; p++) {
                int source = contextIds.length + 1 - keep + p; // index into [eot] + contextIds
                row[p] = source == 0 ? tokenizer.endOfTextId() : contextIds[source - 1];
            }
            for (int p = 0; p < cont.length; p++) {
                row[keep + p] = cont[p];
            }
            rows.add(row);
            scored[i] = cont.length;
        }
        List<double[]> result = new ArrayList<>(rows.size());
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            int longest = rows.get(start).length;
            while (end < rows.size()) {
                int t = Math.max(longest, rows.get(end).length);
                if ((long) (end + 1 - start) * t * model.config().vocabSize() > MAX_LOGITS) {
                    break;
                }
                longest = t;
                end++;
            }
            result.addAll(score(rows.subList(start, end), Arrays.copyOfRange(scored, start, end), longest));
            start = end;
        }
        return result;
    }

    /** One forward pass over right-padded rows; the last {@code scored[b]} log-probabilities of each row. */
    private List<double[]> score(List<long[]> rows, int[] scored, int longest) {
        long[][] ids = new long[rows.size()][longest];
        for (int b = 0; b < rows.size(); b++) {
            Arrays.fill(ids[b], tokenizer.endOfTextId());
            System.arraycopy(rows.get(b), 0, ids[b], 0, rows.get(b).length);
        }
        Devices.setGradMode(false); // per thread; inference must not record a graph
        float[] logProbs;
        // a sub-manager and scope so this call's native arrays are freed when it returns
        try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            NDArray lp = model.tokenLogProbs(GptModel.ids(m, ids), false); // (B, T-1): log p(ids[t+1] | ids[..t])
            logProbs = lp.toFloatArray();
        }
        List<double[]> out = new ArrayList<>(rows.size());
        int width = longest - 1;
        for (int b = 0; b < rows.size(); b++) {
            int length = rows.get(b).length;
            double[] values = new double[scored[b]];
            for (int k = 0; k < scored[b]; k++) {
                // token at position length - scored + k is predicted at index position - 1
                values[k] = logProbs[b * width + (length - scored[b] + k - 1)];
            }
            out.add(values);
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsModel) {
            model.close();
        }
    }
}
