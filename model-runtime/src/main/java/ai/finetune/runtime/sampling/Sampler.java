package ai.finetune.runtime.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.nn.KvCache;
import ai.finetune.runtime.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates continuations of a prompt: n samples as one batch, temperature / top-k / top-p, stop sequences,
 * a KV cache, and each token's log-probability. The samples are a function of (model, prompt, config).
 *
 * <p>The prompt and the new tokens must fit the model's context: a longer prompt is cut from the left to
 * {@code context - maxNewTokens} tokens (and maxNewTokens to {@code context - 1}).
 */
public final class Sampler {
    private final GptModel model;
    private final Tokenizer tokenizer;

    public Sampler(GptModel model, Tokenizer tokenizer) {
        if (tokenizer.vocabSize() > model.config().vocabSize()) {
            throw new IllegalArgumentException("tokenizer has " + tokenizer.vocabSize() + " tokens, the model only "
                    + model.config().vocabSize() + " embedding rows (adapt the checkpoint first)");
        }
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** {@code config.n()} continuations of {@code prompt}. */
    public List<Completion> sample(String prompt, SamplingConfig config) {
        return sample(tokenizer.encode(prompt), config);
    }

    /** {@code config.n()} continuations of the token ids {@code prompt} (empty: start from end-of-text). */
    public List<Completion> sample(int[] prompt, SamplingConfig config) {
        int context = model.config().context();
        int maxNew = Math.min(config.maxNewTokens(), context - 1);
        int[] ids = prompt.length == 0 ? new int[] {tokenizer.endOfTextId()} : prompt;
        if (ids.length + maxNew > context) {
            ids = Arrays.copyOfRange(ids, ids.length - (context - maxNew), ids.length);
        }
        int n = config.n();
        int vocab = tokenizer.vocabSize();
        Random rnd = new Random(config.seed());
        List<List<Integer>> out = new ArrayList<>();
        List<List<Float>> logProbs = new ArrayList<>();
        String[] finish = new String[n];
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
            logProbs.add(new ArrayList<>());
        }
        Devices.setGradMode(false);
        try (NDManager m = model.manager().newSubManager(); KvCache cache = config.kvCache()
                ? new KvCache(model.config().layers()) : null) {
            float[] last; // (n, V) logits of the newest position, flattened
            try (NDScope scope = new NDScope()) {
                if (cache != null) {
                    // prefill once for one row, then copy the cache to the n rows
                    NDArray h = model.hidden(GptModel.ids(m, new long[][] {toLong(ids)}), cache, false);
                    float[] row = lastLogits(h, 1, vocab);
                    cache.repeatRows(n);
                    last = new float[n * vocab];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(row, 0, last, i * vocab, vocab);
                    }
                } else {
                    last = lastLogits(model.hidden(GptModel.ids(m, repeat(toLong(ids), n)), null, false), n, vocab);
                }
            }
            long[][] all = repeat(toLong(ids), n);
            for (int step = 0; step < maxNew; step++) {
                long[] next = new long[n];
                boolean anyActive = false;
                for (int i = 0; i < n; i++) {
                    if (finish[i] != null) {
                        next[i] = tokenizer.endOfTextId();
                        continue;
                    }
                    float[] logits = Arrays.copyOfRange(last, i * vocab, (i + 1) * vocab);
                    int tok = choose(logits, config, rnd);
                    next[i] = tok;
                    if (tok == tokenizer.endOfTextId()) {
                        finish[i] = "eos";
                        continue;
                    }
                    out.get(i).add(tok);
                    logProbs.get(i).add(logSoftmaxAt(logits, tok));
                    if (hasStop(out.get(i), config.stopSequences())) {
                        finish[i] = "stop";
                    } else {
                        anyActive = true;
                    }
                }
                if (!anyActive || step == maxNew - 1) {
                    break;
                }
                try (NDScope scope = new NDScope()) {
                    if (cache != null) {
                        long[][] col = new long[n][];
                        for (int i = 0; i < n; i++) {
                            col[i] = new long[] {next[i]};
                        }
                        last = lastLogits(model.hidden(GptModel.ids(m, col), cache, false), n, vocab);
                    } else {
                        for (int i = 0; i < n; i++) {
                            all[i] = Arrays.copyOf(all[i], all[i].length + 1);
                            all[i][all[i].length - 1] = next[i];
                        }
                        last = lastLogits(model.hidden(GptModel.ids(m, all), null, false), n, vocab);
                    }
                }
            }
        }
        List<Completion> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(finish(out.get(i), logProbs.get(i), finish[i] == null ? "length" : finish[i],
                    config.stopSequences()));
        }
        return result;
    }

    /** Logits of the last position: hidden (B, T, C) -> (B, V) flattened; only the tokenizer's ids. */
    private float[] lastLogits(NDArray hidden, int rows, int vocab) {
        long t = hidden.getShape().get(1);
        NDArray logits = model.logits(hidden.get(new NDIndex(":, {}:", t - 1))); // (B, 1, V)
        float[] all = logits.toFloatArray();
        int modelVocab = model.config().vocabSize();
        if (modelVocab == vocab) {
            return all;
        }
        float[] cut = new float[rows * vocab]; // rows beyond the tokenizer (padding of a grown model) never sampled
        for (int i = 0; i < rows; i++) {
            System.arraycopy(all, i * modelVocab, cut, i * vocab, vocab);
        }
        return cut;
    }

    /** Picks the next token from one row of logits. */
    static int choose(float[] logits, SamplingConfig c, Random rnd) {
        int v = logits.length;
        if (c.temperature() == 0) {
            int best = 0;
            for (int i = 1; i < v; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++) {
            p[i] = Math.exp((logits[i] - max) / c.temperature());
            sum += p[i];
        }
        if (c.topK() > 0 || c.topP() < 1) {
            Integer[] order = new Integer[v];
            for (int i = 0; i < v; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
            int keep = c.topK() > 0 ? Math.min(c.topK(), v) : v;
            if (c.topP() < 1) {
                double cum = 0;
                int k = 0;
                while (k < keep) {
                    cum += p[order[k]] / sum;
                    k++;
                    if (cum >= c.topP()) {
                        break;
                    }
                }
                keep = k;
            }
            double kept = 0;
            for (int r = keep; r < v; r++) {
                p[order[r]] = 0;
            }
            for (int r = 0; r < keep; r++) {
                kept += p[order[r]];
            }
            sum = kept;
        }
        double u = rnd.nextDouble() * sum;
        int last = 0;
        for (int i = 0; i < v; i++) {
            if (p[i] > 0) {
                last = i;
                u -= p[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** log softmax(logits)[token] at temperature 1. */
    static float logSoftmaxAt(float[] logits, int token) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return (float) (logits[token] - max - Math.log(sum));
    }

    private boolean hasStop(List<Integer> tokens, List<String> stops) {
        if (stops.isEmpty()) {
            return false;
        }
        String text = tokenizer.decode(tokens.stream().mapToInt(Integer::intValue).toArray());
        for (String s : stops) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Cuts the text before the first stop sequence and keeps the tokens that cover the kept text. */
    private Completion finish(List<Integer> tokens, List<Float> lps, String reason, List<String> stops) {
        int[] ids = tokens.stream().mapToInt(Integer::intValue).toArray();
        String text = tokenizer.decode(ids);
        int cut = -1;
        for (String s : stops) {
            int at = text.indexOf(s);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        int keep = ids.length;
        if (cut >= 0) {
            text = text.substring(0, cut);
            keep = 0;
            while (keep < ids.length && tokenizer.decode(Arrays.copyOf(ids, keep)).length() < cut) {
                keep++;
            }
            ids = Arrays.copyOf(ids, keep);
        }
        float[] lp = new float[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            lp[i] = lps.get(i);
            sum += lp[i];
        }
        return new Completion(text, ids, lp, keep == 0 ? Double.NaN : sum / keep, reason);
    }

    private static long[] toLong(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return l;
    }

    private static long[][] repeat(long[] row, int n) {
        long[][] rows = new long[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = row.clone();
        }
        return rows;
    }
}
