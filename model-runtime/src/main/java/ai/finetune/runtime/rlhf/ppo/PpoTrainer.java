package ai.finetune.runtime.rlhf.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.Sequences;
import ai.finetune.runtime.rlhf.reward.RewardTrainer;
import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.AdamW;
import ai.finetune.runtime.training.Batch;
import ai.finetune.runtime.training.DataOrder;
import ai.finetune.runtime.training.Example;
import ai.finetune.runtime.training.Examples;
import ai.finetune.runtime.training.MetricsLog;
import ai.finetune.runtime.training.Progress;
import ai.finetune.runtime.training.StopSignal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * PPO and PPO-ptx as InstructGPT: the policy starts from SFT, the frozen reference is the SFT model, the value
 * function starts as a copy of the reward model. Per iteration:
 * <ol>
 *   <li>rollout: sample responses to the iteration's prompts from the policy (temperature 1);</li>
 *   <li>scoring: log-probs of the actions under policy and reference, values, reward-model scores; per-token
 *       rewards {@code -beta log(pi / pi_ref)} plus the score at the last action; GAE; whitened advantages;</li>
 *   <li>update: for each inner epoch, shuffled minibatches; in ONE GradientCollector the clipped policy loss, the
 *       clipped value loss and gamma_ptx times the LM loss of pretraining sequences are summed and back-propagated
 *       together; policy and value function then take their own AdamW steps; optional EMA.</li>
 * </ol>
 * Exact resume: every random draw is a function of (seed, iteration): sampler seeds, minibatch order, prompt and
 * pretraining order (positions derived from the iteration). A checkpoint holds policy weights, value weights, both
 * AdamW states, the EMA, the KL coefficient (as exact decimal text) and the iteration.
 *
 * <p>Checkpoint layout: a standard checkpoint ({@link Checkpoint}) whose {@code model.safetensors} is the policy (so
 * sample/compare load it as any model) and whose {@code optimizer.safetensors} holds {@code policy_opt.*},
 * {@code value_opt.*}, {@code value.*} and {@code ema.*}; {@code config.json} options hold the PPO config and
 * {@code kl_coef}.
 */
public final class PpoTrainer implements AutoCloseable {
    public static final String KIND = "ppo";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Everything measured in one iteration (also the metrics line). */
    public record Stats(Map<String, Object> metrics) {
        /** A numeric metric; NaN when absent or null (ptx_loss of plain PPO). */
        public double get(String key) {
            Object v = metrics.get(key);
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    public record Result(int iteration, boolean stopped, Path checkpoint, Stats last) {}

    private final GptModel policy;
    private final GptModel reference;
    private final ScalarModel value;
    private final ScalarModel reward;
    private final PpoConfig cfg;
    private final Tokenizer tok;
    private final List<String> prompts;
    private final Examples ptx;
    private final Path outDir;
    private final Map<String, String> options;
    private final AdamW policyOpt;
    private final AdamW valueOpt;
    private final Ema ema;
    private final KlController kl;
    private final DataOrder promptOrder;
    private final DataOrder ptxOrder;
    private int iteration;

    /**
     * Takes ownership of the four models (closed by {@link #close()}).
     *
     * @param ptx     pretraining windows for PPO-ptx (null when ptxCoef is 0)
     * @param options what a resume needs to rebuild the run (paths of SFT, RM, prompts, ptx data), stored in every
     *                checkpoint
     * @param resume  a PPO checkpoint to continue from, or null
     */
    public PpoTrainer(GptModel policy, GptModel reference, ScalarModel value, ScalarModel reward, PpoConfig cfg,
                      Tokenizer tok, List<String> prompts, Examples ptx, Path outDir, Map<String, String> options,
                      Checkpoint.Loaded resume) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts for PPO");
        }
        if (cfg.ptxCoef() > 0 && ptx == null) {
            throw new IllegalArgumentException("ptxCoef " + cfg.ptxCoef() + " needs pretraining data (--ptxData)");
        }
        this.policy = policy;
        this.reference = reference;
        this.value = value;
        this.reward = reward;
        this.cfg = cfg;
        this.tok = tok;
        this.prompts = prompts;
        this.ptx = ptx;
        this.outDir = outDir;
        this.options = new LinkedHashMap<>(options);
        policy.setTraining(true);
        value.setTraining(true);
        reference.setTraining(false); // frozen: no gradient is ever computed for these
        reward.setTraining(false);
        this.policyOpt = new AdamW(policy, 0.9, 0.95, 1e-8, cfg.weightDecay());
        this.valueOpt = new AdamW(value.trunk().manager(), value.parameters(), 0.9, 0.95, 1e-8, cfg.weightDecay());
        this.ema = cfg.ema() ? new Ema(policy, cfg.emaDecay()) : null;
        this.kl = new KlController(cfg.klCoef(), cfg.klTarget(), cfg.klHorizon());
        this.promptOrder = new DataOrder(prompts.size(), cfg.seed());
        this.ptxOrder = ptx == null ? null : new DataOrder(ptx.size(), cfg.seed() + 1);
        if (resume != null) {
            restore(resume);
        }
    }

    public int iteration() {
        return iteration;
    }

    public double klCoef() {
        return kl.beta();
    }

    private int minibatches() {
        return (cfg.episodesPerIteration() + cfg.minibatchSize() - 1) / cfg.minibatchSize();
    }

    /** Optimizer steps taken before iteration {@code it}. */
    private int updatesBefore(int it) {
        return it * cfg.ppoEpochs() * minibatches();
    }

    /** Runs until {@code cfg.iterations()} or a stop request; checkpoints at intervals and at the end. */
    public Result run(StopSignal stop) throws IOException {
        int start = iteration;
        Progress progress = new Progress("ppo iteration", cfg.iterations(), 0);
        Stats last = null;
        Path checkpoint = null;
        boolean stopped = false;
        try (MetricsLog metrics = new MetricsLog(outDir, iteration)) {
            while (iteration < cfg.iterations()) {
                if (stop != null && stop.requested()) {
                    stop.acknowledge();
                    stopped = true;
                    break;
                }
                last = iterate();
                metrics.write(last.metrics());
                progress.update(iteration - start, start, String.format("reward %.3f kl %.3f ptx %.3f",
                        last.get("reward_mean"), last.get("kl"), last.get("ptx_loss")), true);
                if (cfg.checkpointInterval() > 0 && iteration % cfg.checkpointInterval() == 0
                        && iteration < cfg.iterations()) {
                    checkpoint = checkpoint();
                }
            }
        }
        if (iteration > start || stopped || checkpoint == null) {
            checkpoint = checkpoint();
        }
        return new Result(iteration, stopped, checkpoint, last);
    }

    /** One rollout-scoring-update round; returns its metrics. */
    public Stats iterate() {
        Devices.setGradMode(false);
        long t0 = System.nanoTime();
        List<Episode> episodes = rollout();
        long t1 = System.nanoTime();
        score(episodes);
        long t2 = System.nanoTime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", iteration + 1);
        double beta = kl.beta();
        double rewardSum = 0;
        double rewardSq = 0;
        double klSum = 0;
        double lenSum = 0;
        double eos = 0;
        for (Episode e : episodes) {
            rewardSum += e.score;
            rewardSq += e.score * e.score;
            klSum += e.kl();
            lenSum += e.actions.length;
            eos += e.actions[e.actions.length - 1] == tok.endOfTextId() ? 1 : 0;
        }
        int n = episodes.size();
        double meanKl = klSum / n;
        m.put("reward_mean", rewardSum / n);
        m.put("reward_std", Math.sqrt(Math.max(0, rewardSq / n - (rewardSum / n) * (rewardSum / n))));
        m.put("kl", meanKl);
        m.put("kl_coef", beta);
        m.put("objective_mean", (rewardSum - beta * klSum) / n);
        m.put("response_length", lenSum / n);
        m.put("eos_fraction", eos / n);
        Map<String, Double> upd = update(episodes);
        long t3 = System.nanoTime();
        m.putAll(upd);
        kl.update(meanKl, n);
        iteration++;
        m.put("rollout_s", (t1 - t0) / 1e9);
        m.put("scoring_s", (t2 - t1) / 1e9);
        m.put("update_s", (t3 - t2) / 1e9);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(cfg.logSamples(), n); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("prompt", episodes.get(i).promptText);
            s.put("response", episodes.get(i).response);
            s.put("reward", episodes.get(i).score);
            samples.add(s);
        }
        m.put("samples", samples);
        return new Stats(m);
    }

    /** Samples {@code samplesPerPrompt} responses to each of this iteration's prompts. */
    List<Episode> rollout() {
        int context = policy.config().context();
        int maxNew = Math.min(cfg.maxNewTokens(), context - 2);
        Sampler sampler = new Sampler(policy, tok);
        List<Episode> out = new ArrayList<>();
        long base = (long) iteration * cfg.promptsPerIteration();
        for (int j = 0; j < cfg.promptsPerIteration(); j++) {
            String text = prompts.get(promptOrder.index(base + j));
            // prompt + RESPONSE + response + END_OF_TEXT must fit the context (the reward model reads the EOS)
            int[] prompt = Sequences.promptPart(tok.encode(text), tok, context - maxNew - 1);
            long seed = cfg.seed() * 1_000_003L + (base + j) * 7919L;
            SamplingConfig sc = new SamplingConfig(maxNew, cfg.temperature(), 1.0, 0, List.of(),
                    cfg.samplesPerPrompt(), seed, true);
            for (Completion c : sampler.sample(prompt, sc)) {
                int[] actions = c.tokens();
                if (c.finishReason().equals("eos") || actions.length == 0) {
                    actions = Arrays.copyOf(actions, actions.length + 1); // stopping is an action too
                    actions[actions.length - 1] = tok.endOfTextId();
                }
                out.add(new Episode(text, prompt, actions, c.text()));
            }
        }
        return out;
    }

    /** Fills log-probs, reference log-probs, values, scores, advantages and returns (no gradient). */
    void score(List<Episode> episodes) {
        Devices.setGradMode(false);
        int pad = tok.endOfTextId();
        for (int start = 0; start < episodes.size(); start += 16) {
            List<Episode> chunk = episodes.subList(start, Math.min(episodes.size(), start + 16));
            List<int[]> rows = new ArrayList<>();
            List<int[]> scored = new ArrayList<>();
            for (Episode e : chunk) {
                rows.add(e.ids());
                scored.add(withEnd(e));
            }
            try (NDScope scope = new NDScope(); NDManager m = policy.manager().newSubManager()) {
                NDArray ids = Sequences.padded(m, rows, pad); // (B, T)
                long t = ids.getShape().get(1);
                float[] lp = policy.tokenLogProbs(ids, false).toFloatArray(); // (B, T - 1)
                float[] ref = reference.tokenLogProbs(ids, false).toFloatArray(); // (B, T - 1)
                float[] v = value.values(ids, false).toFloatArray(); // (B, T)
                float[] s = reward.lastScores(Sequences.padded(m, scored, pad), Sequences.lastIndices(scored))
                        .toFloatArray(); // (B)
                for (int i = 0; i < chunk.size(); i++) {
                    Episode e = chunk.get(i);
                    int k = e.actions.length;
                    e.logp = new float[k];
                    e.refLogp = new float[k];
                    e.values = new float[k];
                    for (int a = 0; a < k; a++) {
                        int pos = e.position(a);
                        e.logp[a] = lp[(int) (i * (t - 1) + pos)];
                        e.refLogp[a] = ref[(int) (i * (t - 1) + pos)];
                        e.values[a] = v[(int) (i * t + pos)]; // value of the state before action a
                    }
                    e.score = s[i];
                    if (e.actions[k - 1] != tok.endOfTextId()) {
                        e.score -= cfg.missingEosPenalty();
                    }
                }
            }
        }
        double beta = kl.beta();
        List<double[]> advs = new ArrayList<>();
        for (Episode e : episodes) {
            double[] r = PpoLosses.tokenRewards(e.logp, e.refLogp, e.score, beta);
            double[] vals = new double[e.values.length];
            for (int i = 0; i < vals.length; i++) {
                vals[i] = e.values[i];
            }
            double[][] g = PpoLosses.gae(r, vals, cfg.gamma(), cfg.lambda());
            e.advantages = g[0];
            e.returns = g[1];
            advs.add(e.advantages);
        }
        if (cfg.whitenAdvantages()) {
            PpoLosses.whiten(advs);
        }
    }

    /** What the reward model reads: prompt + RESPONSE + response + END_OF_TEXT. */
    private int[] withEnd(Episode e) {
        int[] ids = e.ids();
        if (ids[ids.length - 1] == tok.endOfTextId()) {
            return ids;
        }
        int[] out = Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = tok.endOfTextId();
        return out;
    }

    /** Inner epochs of minibatch updates; returns mean losses and diagnostics. */
    Map<String, Double> update(List<Episode> episodes) {
        int n = episodes.size();
        int mbs = minibatches();
        double lrScale = cfg.warmup(iteration);
        double[] sums = new double[7];
        int count = 0;
        int t = updatesBefore(iteration);
        long ptxPos = (long) t * cfg.ptxBatchSize();
        for (int epoch = 0; epoch < cfg.ppoEpochs(); epoch++) {
            int[] perm = permutation(n, new Random(cfg.seed() * 31L + iteration * 1009L + epoch));
            for (int b = 0; b < mbs; b++) {
                List<Episode> mb = new ArrayList<>();
                for (int i = b * cfg.minibatchSize(); i < Math.min(n, (b + 1) * cfg.minibatchSize()); i++) {
                    mb.add(episodes.get(perm[i]));
                }
                List<Example> ptxBatch = new ArrayList<>();
                if (cfg.ptxCoef() > 0) {
                    for (int i = 0; i < cfg.ptxBatchSize(); i++) {
                        ptxBatch.add(ptx.get(ptxOrder.index(ptxPos++)));
                    }
                }
                t++;
                double[] r = step(mb, ptxBatch, cfg.learningRate() * lrScale, cfg.valueLearningRate() * lrScale, t);
                for (int i = 0; i < r.length; i++) {
                    sums[i] += r[i];
                }
                count++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        String[] names = {"policy_loss", "value_loss", "ptx_loss", "entropy", "clip_fraction", "approx_kl",
                "grad_norm"};
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], sums[i] / count);
        }
        if (cfg.ptxCoef() == 0) {
            out.put("ptx_loss", null); // JSON has no NaN
        }
        out.put("lr", cfg.learningRate() * lrScale);
        return out;
    }

    /**
     * One minibatch: policy loss + value loss + gamma_ptx * LM loss under one GradientCollector (DJL allows one at a
     * time), then an AdamW step for each model and the EMA update.
     *
     * @return policy loss, value loss, ptx loss, entropy, clip fraction, approx KL, policy grad norm
     */
    private double[] step(List<Episode> mb, List<Example> ptxBatch, double lr, double valueLr, int t) {
        int b = mb.size();
        List<int[]> rows = new ArrayList<>();
        int tMax = 0;
        for (Episode e : mb) {
            rows.add(e.ids());
            tMax = Math.max(tMax, e.prompt.length + e.actions.length);
        }
        int w = tMax - 1; // positions of the (B, T - 1) log-prob rows
        float[] mask = new float[b * w];
        float[] oldLogp = new float[b * w];
        float[] adv = new float[b * w];
        float[] ret = new float[b * w];
        float[] oldV = new float[b * w];
        for (int i = 0; i < b; i++) {
            Episode e = mb.get(i);
            for (int a = 0; a < e.actions.length; a++) {
                int j = i * w + e.position(a);
                mask[j] = 1f;
                oldLogp[j] = e.logp[a];
                adv[j] = (float) e.advantages[a];
                ret[j] = (float) e.returns[a];
                oldV[j] = e.values[a];
            }
        }
        Shape shape = new Shape(b, w);
        try (NDScope scope = new NDScope(); NDManager m = policy.manager().newSubManager()) {
            NDArray ids = Sequences.padded(m, rows, tok.endOfTextId()); // (B, T)
            NDArray maskA = m.create(mask, shape);
            NDArray oldLogpA = m.create(oldLogp, shape);
            NDArray advA = m.create(adv, shape);
            NDArray retA = m.create(ret, shape);
            NDArray oldVA = m.create(oldV, shape);
            Batch ptxB = ptxBatch.isEmpty() ? null : Batch.of(ptxBatch, tok.endOfTextId(), m);
            double[] out = new double[7];
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray input = ids.get(new NDIndex(":, :{}", w)); // (B, T - 1)
                NDArray target = ids.get(new NDIndex(":, 1:")); // (B, T - 1)
                NDArray logpAll = policy.forward(input, false).logSoftmax(-1); // (B, T - 1, V)
                NDArray logp = logpAll.gather(target.expandDims(-1), -1).squeeze(-1); // (B, T - 1)
                PpoLosses.PolicyTerms pt = PpoLosses.policyLoss(logp, oldLogpA, advA, maskA, cfg.clipRange());
                NDArray values = value.values(ids, false).get(new NDIndex(":, :{}", w)); // (B, T) -> (B, T - 1)
                NDArray vLoss = PpoLosses.valueLoss(values, oldVA, retA, maskA, cfg.valueClip());
                NDArray total = pt.loss().add(vLoss);
                NDArray ptxLoss = null;
                if (ptxB != null) {
                    ptxLoss = GptModel.loss(policy.forward(ptxB.inputs(), false), ptxB.targets(), ptxB.weights());
                    total = total.add(ptxLoss.mul(m.create((float) cfg.ptxCoef())));
                }
                gc.backward(total);
                NDArray lpd = logpAll.stopGradient();
                NDArray entropy = PpoLosses.maskedMean(lpd.exp().mul(lpd).sum(new int[] {-1}).neg(), maskA);
                out[0] = pt.loss().getFloat();
                out[1] = vLoss.getFloat();
                out[2] = ptxLoss == null ? 0 : ptxLoss.getFloat();
                out[3] = entropy.getFloat();
                out[4] = pt.clipFraction().getFloat();
                out[5] = pt.approxKl().getFloat();
            }
            out[6] = RewardTrainer.applyGradients(policy.parameters(), policyOpt, lr, t, cfg.gradClip(), m);
            RewardTrainer.applyGradients(value.parameters(), valueOpt, valueLr, t, cfg.gradClip(), m);
            if (ema != null) {
                ema.update(policy.parameters());
            }
            return out;
        }
    }

    private static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** The weights to evaluate and export: the EMA when on, else the raw policy. */
    public Map<String, SafeTensors.Tensor> exportWeights() {
        return ema != null ? ema.toTensors() : policy.toTensors();
    }

    public GptModel policy() {
        return policy;
    }

    /** Writes a checkpoint of everything the run holds; returns its folder. */
    public Path checkpoint() throws IOException {
        Map<String, SafeTensors.Tensor> extra = new LinkedHashMap<>();
        policyOpt.state().forEach((k, v) -> extra.put("policy_opt." + k, v));
        valueOpt.state().forEach((k, v) -> extra.put("value_opt." + k, v));
        value.toTensors().forEach((k, v) -> extra.put("value." + k, v));
        if (ema != null) {
            ema.toTensors().forEach((k, v) -> extra.put("ema." + k, v));
        }
        Map<String, String> opts = new LinkedHashMap<>(options);
        opts.put("ppo_config", JSON.writeValueAsString(cfg));
        opts.put("kl_coef", Double.toString(kl.beta()));
        Checkpoint.Meta meta = new Checkpoint.Meta(KIND, policy.config(), null, opts);
        Path dir = Checkpoint.save(outDir, meta, policy.toTensors(), tok, extra,
                new Checkpoint.State(iteration, updatesBefore(iteration), cfg.seed(), null));
        System.err.println("checkpoint " + dir);
        return dir;
    }

    private void restore(Checkpoint.Loaded cp) {
        if (!KIND.equals(cp.meta().kind()) || cp.optimizer() == null || cp.state() == null) {
            throw new IllegalArgumentException(cp.dir() + " is not a PPO checkpoint");
        }
        Map<String, SafeTensors.Tensor> po = new LinkedHashMap<>();
        Map<String, SafeTensors.Tensor> vo = new LinkedHashMap<>();
        Map<String, SafeTensors.Tensor> vw = new LinkedHashMap<>();
        Map<String, SafeTensors.Tensor> ew = new LinkedHashMap<>();
        cp.optimizer().forEach((k, v) -> {
            if (k.startsWith("policy_opt.")) {
                po.put(k.substring("policy_opt.".length()), v);
            } else if (k.startsWith("value_opt.")) {
                vo.put(k.substring("value_opt.".length()), v);
            } else if (k.startsWith("value.")) {
                vw.put(k.substring("value.".length()), v);
            } else if (k.startsWith("ema.")) {
                ew.put(k.substring("ema.".length()), v);
            }
        });
        setAll(policy.parameters(), cp.weights(), "policy");
        setAll(value.parameters(), vw, "value function");
        policyOpt.load(po);
        valueOpt.load(vo);
        if (ema != null) {
            if (ew.isEmpty()) {
                throw new IllegalArgumentException(cp.dir() + ": the run had no EMA; resume without --ema");
            }
            ema.load(ew);
        }
        String beta = cp.meta().options().get("kl_coef");
        if (beta != null) {
            kl.set(Double.parseDouble(beta));
        }
        iteration = cp.state().step();
    }

    private static void setAll(Map<String, NDArray> params, Map<String, SafeTensors.Tensor> tensors, String what) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            SafeTensors.Tensor t = tensors.get(e.getKey());
            if (t == null || t.data().length != e.getValue().size()) {
                throw new IllegalArgumentException("checkpoint lacks or misshapes " + what + " tensor " + e.getKey());
            }
            e.getValue().set(t.data());
        }
    }

    @Override
    public void close() {
        policyOpt.close();
        valueOpt.close();
        if (ema != null) {
            ema.close();
        }
        policy.close();
        reference.close();
        value.close();
        reward.close();
    }
}
