package ai.finetune.runtime.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.config.GptConfig;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A GPT-2 style decoder (nanoGPT's model.py, read top to bottom): token + position embeddings, {@code layers}
 * pre-LayerNorm blocks of causal multi-head self-attention and MLP, a final LayerNorm and an LM head tied to the
 * token embedding. DJL 0.36 has no GPT block, so the parameters are plain NDArrays named like GPT-2's tensors,
 * with Linear weights in PyTorch's (out, in) layout (GPT-2's Conv1D stores (in, out); see the hf package).
 *
 * <p>Autograd: inside a GradientCollector every scalar is an NDArray of the input's manager (DJL 0.36 frees Java
 * scalars too early, see STACK-NOTES). Arrays of one call are attached to the input's manager or scope; the
 * parameters live in the model's own manager until {@link #close()}.
 */
public final class GptModel implements AutoCloseable {
    private final GptConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    private GptModel(GptConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /** GPT-2 initialisation: N(0, 0.02), residual projections N(0, 0.02 / sqrt(2 * layers)), LN 1/0, biases 0. */
    public static GptModel create(GptConfig config, Device device, long seed) {
        GptModel m = new GptModel(config, NDManager.newBaseManager(device));
        Random rnd = new Random(seed);
        int c = config.width();
        double residualStd = 0.02 / Math.sqrt(2.0 * config.layers());
        for (Map.Entry<String, long[]> e : shapes(config).entrySet()) {
            String name = e.getKey();
            long[] shape = e.getValue();
            float[] data = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            if (name.contains("ln_") && name.endsWith(".weight")) {
                Arrays.fill(data, 1f);
            } else if (name.endsWith(".weight") || name.equals("wte") || name.equals("wpe")) {
                double std = name.endsWith("c_proj.weight") ? residualStd : 0.02;
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (rnd.nextGaussian() * std);
                }
            }
            m.params.put(name, m.manager.create(data, new Shape(shape)));
        }
        return m;
    }

    /**
     * A model holding {@code tensors} (names and shapes as {@link #shapes}); extra or missing names are errors,
     * except {@code value_head.*}, which a reward-model checkpoint carries for {@link ValueHead#fromTensors}.
     */
    public static GptModel fromTensors(GptConfig config, Device device, Map<String, SafeTensors.Tensor> tensors) {
        Map<String, long[]> expected = shapes(config);
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name) && !name.startsWith("value_head.")) {
                throw new IllegalArgumentException("unexpected tensor '" + name + "' for " + config);
            }
        }
        GptModel m = new GptModel(config, NDManager.newBaseManager(device));
        try {
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                SafeTensors.Tensor t = tensors.get(e.getKey());
                if (t == null) {
                    throw new IllegalArgumentException("missing tensor '" + e.getKey() + "' for " + config);
                }
                if (!Arrays.equals(t.shape(), e.getValue())) {
                    throw new IllegalArgumentException("tensor '" + e.getKey() + "' has shape "
                            + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(e.getValue()));
                }
                m.params.put(e.getKey(), m.manager.create(t.data(), new Shape(t.shape())));
            }
        } catch (RuntimeException ex) {
            m.close();
            throw ex;
        }
        return m;
    }

    /** Every parameter's name and shape, in a fixed order. */
    public static Map<String, long[]> shapes(GptConfig cfg) {
        long c = cfg.width();
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put("wte", new long[] {cfg.vocabSize(), c});
        s.put("wpe", new long[] {cfg.context(), c});
        for (int i = 0; i < cfg.layers(); i++) {
            String p = "h." + i + ".";
            s.put(p + "ln_1.weight", new long[] {c});
            s.put(p + "ln_1.bias", new long[] {c});
            s.put(p + "attn.c_attn.weight", new long[] {3 * c, c});
            s.put(p + "attn.c_attn.bias", new long[] {3 * c});
            s.put(p + "attn.c_proj.weight", new long[] {c, c});
            s.put(p + "attn.c_proj.bias", new long[] {c});
            s.put(p + "ln_2.weight", new long[] {c});
            s.put(p + "ln_2.bias", new long[] {c});
            s.put(p + "mlp.c_fc.weight", new long[] {4 * c, c});
            s.put(p + "mlp.c_fc.bias", new long[] {4 * c});
            s.put(p + "mlp.c_proj.weight", new long[] {c, 4 * c});
            s.put(p + "mlp.c_proj.bias", new long[] {c});
        }
        s.put("ln_f.weight", new long[] {c});
        s.put("ln_f.bias", new long[] {c});
        return s;
    }

    public GptConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The parameters by name (live arrays: the optimizer updates them in place). */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** A copy of every parameter as float arrays (for checkpoints and export). */
    public Map<String, SafeTensors.Tensor> toTensors() {
        Map<String, SafeTensors.Tensor> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, new SafeTensors.Tensor(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    /** Turns gradient recording on or off for every parameter. */
    public void setTraining(boolean requiresGradient) {
        params.values().forEach(p -> p.setRequiresGradient(requiresGradient));
    }

    /**
     * Final hidden states after ln_f.
     *
     * @param idx      token ids (B, T), int64, in the caller's manager
     * @param cache    keys/values of earlier positions, extended by this call; null for a full pass
     * @param training applies dropout when true
     * @return (B, T, C)
     */
    public NDArray hidden(NDArray idx, KvCache cache, boolean training) {
        NDManager m = idx.getManager();
        long b = idx.getShape().get(0);
        int t = (int) idx.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        if (past + t > config.context()) {
            throw new IllegalArgumentException("sequence of " + (past + t) + " positions exceeds the model's context of "
                    + config.context());
        }
        float dropout = training ? (float) config.dropout() : 0f;
        NDArray tok = Embedding.embedding(idx, params.get("wte"), SparseFormat.DENSE).singletonOrThrow(); // (B, T, C)
        NDArray pos = params.get("wpe").get(new NDIndex("{}:{}", past, past + t)); // (T, C)
        pos.attach(m); // a slice of a parameter lands in the model's manager: move it to this call's
        NDArray x = dropout(tok.add(pos), dropout, training);
        // one new token (sampling with a cache) may attend every cached position: no mask needed
        NDArray mask = t == 1 ? null : causalMask(m, t, past); // (T, P + T)
        NDArray scale = m.create((float) (1.0 / Math.sqrt(config.headSize())));
        for (int i = 0; i < config.layers(); i++) {
            String p = "h." + i + ".";
            NDArray a = attention(layerNorm(x, p + "ln_1"), i, b, t, mask, scale, cache, dropout, training);
            x = x.add(a);
            NDArray h = layerNorm(x, p + "ln_2");
            h = linear(h, p + "mlp.c_fc"); // (B, T, 4C)
            h = gelu(h);
            h = dropout(linear(h, p + "mlp.c_proj"), dropout, training); // (B, T, C)
            x = x.add(h);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return layerNorm(x, "ln_f");
    }

    /** LM head tied to the token embedding: (B, T, C) -> (B, T, V). */
    public NDArray logits(NDArray hidden) {
        // linear(x, W) = x W^T in one BLAS call; matMul(W.transpose()) copied the (V, C) matrix every call
        return Linear.linear(hidden, params.get("wte"), null).singletonOrThrow();
    }

    /** Logits of a full pass: (B, T) -> (B, T, V). */
    public NDArray forward(NDArray idx, boolean training) {
        return logits(hidden(idx, null, training));
    }

    /**
     * Mean cross-entropy of the next-token predictions where {@code weights} is 1 (SFT masks the prompt with 0).
     *
     * @param logits  (B, T, V)
     * @param targets (B, T) int64
     * @param weights (B, T) float32, 0 or 1
     * @return scalar loss
     */
    public static NDArray loss(NDArray logits, NDArray targets, NDArray weights) {
        NDArray logp = logits.logSoftmax(-1); // (B, T, V)
        NDArray picked = logp.gather(targets.expandDims(-1), -1).squeeze(-1); // (B, T)
        return picked.mul(weights).sum().div(weights.sum()).neg();
    }

    /**
     * Log-probability of each token of {@code ids} given the tokens before it: {@code out[b][t] = log p(ids[b][t+1] |
     * ids[b][..t])}. Used to score a continuation (RLHF, reranking by mean log-probability).
     *
     * @param ids (B, T) int64
     * @return (B, T - 1)
     */
    public NDArray tokenLogProbs(NDArray ids, boolean training) {
        long t = ids.getShape().get(1);
        NDArray input = ids.get(new NDIndex(":, :{}", t - 1));
        NDArray target = ids.get(new NDIndex(":, 1:"));
        NDArray logp = forward(input, training).logSoftmax(-1); // (B, T-1, V)
        return logp.gather(target.expandDims(-1), -1).squeeze(-1);
    }

    /** Causal self-attention of block {@code layer}: (B, T, C) -> (B, T, C). */
    private NDArray attention(NDArray x, int layer, long b, int t, NDArray mask, NDArray scale, KvCache cache,
                              float dropout, boolean training) {
        String p = "h." + layer + ".attn.";
        int nh = config.heads();
        int hs = config.headSize();
        NDList qkv = linear(x, p + "c_attn").split(3, 2); // (B, T, 3C) -> 3 x (B, T, C)
        // (B, T, C) -> (B, T, nh, hs) -> (B, nh, T, hs)
        NDArray q = qkv.get(0).reshape(b, t, nh, hs).transpose(0, 2, 1, 3);
        NDArray k = qkv.get(1).reshape(b, t, nh, hs).transpose(0, 2, 1, 3);
        NDArray v = qkv.get(2).reshape(b, t, nh, hs).transpose(0, 2, 1, 3);
        if (cache != null) {
            if (cache.keys(layer) != null) {
                k = cache.keys(layer).concat(k, 2); // (B, nh, P + T, hs)
                v = cache.values(layer).concat(v, 2);
            }
            cache.put(layer, k, v);
        }
        NDArray att = q.mul(scale).matMul(k.transpose(0, 1, 3, 2)); // (B, nh, T, P + T)
        att = (mask == null ? att : att.add(mask)).softmax(-1);
        att = dropout(att, dropout, training);
        NDArray y = att.matMul(v); // (B, nh, T, hs)
        y = y.transpose(0, 2, 1, 3).reshape(b, t, (long) nh * hs); // (B, T, C)
        return dropout(linear(y, p + "c_proj"), dropout, training);
    }

    /** Additive mask (T, P + T): 0 where query t (at position P + t) may attend key j (j <= P + t), -inf else. */
    private static NDArray causalMask(NDManager m, int t, int past) {
        int total = past + t;
        float[] mask = new float[t * total];
        for (int i = 0; i < t; i++) {
            for (int j = past + i + 1; j < total; j++) {
                mask[i * total + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return m.create(mask, new Shape(t, total));
    }

    private NDArray linear(NDArray x, String name) {
        return Linear.linear(x, params.get(name + ".weight"), params.get(name + ".bias")).singletonOrThrow();
    }

    private NDArray layerNorm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(config.width()), params.get(name + ".weight"),
                params.get(name + ".bias"), 1e-5f).singletonOrThrow();
    }

    /** GELU: exact (erf) or GPT-2's tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
    private NDArray gelu(NDArray x) {
        if (config.activation().equals(GptConfig.GELU)) {
            return x.getNDArrayInternal().gelu();
        }
        NDManager m = x.getManager();
        NDArray inner = x.add(x.mul(x).mul(x).mul(m.create(0.044715f))).mul(m.create((float) Math.sqrt(2 / Math.PI)));
        return x.mul(m.create(0.5f)).mul(inner.tanh().add(m.create(1f)));
    }

    private static NDArray dropout(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        return Dropout.dropout(x, rate, true).singletonOrThrow();
    }

    /** A copy with {@code vocabSize} embedding rows: old rows kept, new rows N(0, 0.02) from {@code seed}. */
    public GptModel withVocabSize(int vocabSize, long seed) {
        return withVocabSize(vocabSize, id -> new int[0], seed);
    }

    /**
     * A copy with {@code vocabSize} rows of the (tied) token embedding and LM head. Old rows are kept; new row
     * {@code id} is the mean of the old rows {@code sources.apply(id)} (e.g. the old tokens that spell a new
     * whitespace token, so the model first reads it as it read those tokens), or N(0, 0.02) if there are none.
     */
    public GptModel withVocabSize(int vocabSize, java.util.function.IntFunction<int[]> sources, long seed) {
        if (vocabSize < config.vocabSize()) {
            throw new IllegalArgumentException("cannot shrink the vocabulary from " + config.vocabSize() + " to "
                    + vocabSize);
        }
        Map<String, SafeTensors.Tensor> tensors = toTensors();
        float[] old = tensors.get("wte").data();
        int c = config.width();
        int oldVocab = config.vocabSize();
        float[] grown = Arrays.copyOf(old, vocabSize * c);
        Random rnd = new Random(seed);
        for (int id = oldVocab; id < vocabSize; id++) {
            int[] src = sources.apply(id);
            for (int j = 0; j < c; j++) {
                double v = 0;
                if (src.length == 0) {
                    v = rnd.nextGaussian() * 0.02;
                } else {
                    for (int s : src) {
                        if (s < 0 || s >= oldVocab) {
                            throw new IllegalArgumentException("source token " + s + " of new token " + id
                                    + " is outside the old vocabulary of " + oldVocab);
                        }
                        v += old[s * c + j];
                    }
                    v /= src.length;
                }
                grown[id * c + j] = (float) v;
            }
        }
        tensors.put("wte", new SafeTensors.Tensor(new long[] {vocabSize, c}, grown));
        return fromTensors(config.withVocabSize(vocabSize), device(), tensors);
    }

    /** Ids as a (B, T) int64 array in {@code m}. */
    public static NDArray ids(NDManager m, long[][] rows) {
        int t = rows[0].length;
        long[] flat = new long[rows.length * t];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * t, t);
        }
        return m.create(flat, new Shape(rows.length, t)).toType(DataType.INT64, false);
    }

    @Override
    public void close() {
        manager.close();
    }
}
