package ai.finetune.runtime.rlhf.reward;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.rlhf.Proportion;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.Sequences;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.AdamW;
import ai.finetune.runtime.training.DataOrder;
import ai.finetune.runtime.training.MetricsLog;
import ai.finetune.runtime.training.Progress;
import ai.finetune.runtime.training.StopSignal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a reward model on rankings. K-way mode (InstructGPT): each step takes {@code batchSize} rankings, runs one
 * forward pass per response (all responses of the step as one (N, T) batch) and averages, per ranking, the loss of
 * all its pairs. Shuffled mode: the pairs of all rankings are shuffled individually and each step takes as many
 * pairs as a K-way step holds on average, so both modes take the same number of steps per epoch and see the same
 * pairs; only the grouping (and the K - 1 forward passes per response per epoch) differ.
 */
public final class RewardTrainer {
    /** How training went. {@code biasShift} was added to every score so demonstrations average 0. */
    public record Result(int steps, double trainLoss, Proportion valAccuracy, double biasShift, boolean stopped,
                         double seconds) {}

    private final ScalarModel model;
    private final RewardConfig cfg;
    private final Tokenizer tok;
    private final int context;

    public RewardTrainer(ScalarModel model, RewardConfig cfg, Tokenizer tok) {
        this.model = model;
        this.cfg = cfg;
        this.tok = tok;
        this.context = model.config().context();
    }

    /** A ranking's responses as scored sequences. */
    private List<int[]> encode(Comparison c) {
        int[] p = tok.encode(c.prompt());
        List<int[]> out = new ArrayList<>();
        for (String r : c.responses()) {
            out.add(Sequences.scored(p, tok.encode(r), tok, context));
        }
        return out;
    }

    /**
     * @param demonstrations prompt/response pairs whose mean score is set to 0 after training (null: the best
     *                       group's responses of the training rankings stand in)
     * @param outDir         metrics.jsonl goes here (null: no metrics)
     */
    public Result train(List<Comparison> train, List<Comparison> val, List<String[]> demonstrations, Path outDir,
                        StopSignal stop) throws IOException {
        long t0 = System.nanoTime();
        Devices.setGradMode(false);
        model.setTraining(true);
        List<List<int[]>> seqs = new ArrayList<>();
        List<List<int[]>> pairs = new ArrayList<>();
        List<int[]> flatPairs = new ArrayList<>(); // {ranking, w, l}
        for (int i = 0; i < train.size(); i++) {
            seqs.add(encode(train.get(i)));
            pairs.add(train.get(i).pairs());
            for (int[] p : pairs.get(i)) {
                flatPairs.add(new int[] {i, p[0], p[1]});
            }
        }
        long rankingsTotal = (long) train.size() * cfg.epochs();
        long pairsTotal = (long) flatPairs.size() * cfg.epochs();
        int maxSteps = (int) ((rankingsTotal + cfg.batchSize() - 1) / cfg.batchSize());
        int pairsPerStep = (int) ((pairsTotal + maxSteps - 1) / maxSteps); // same step count in both modes
        DataOrder order = new DataOrder(cfg.shuffledPairs() ? flatPairs.size() : train.size(), cfg.seed());
        long position = 0;
        AdamW opt = new AdamW(model.trunk().manager(), model.parameters(), 0.9, 0.95, 1e-8, cfg.weightDecay());
        Progress progress = new Progress("reward step", maxSteps, 2000);
        double lastLoss = Double.NaN;
        Proportion acc = null;
        boolean stopped = false;
        int step = 0;
        MetricsLog metrics = outDir == null ? null : new MetricsLog(outDir, 0);
        try {
            for (; step < maxSteps; step++) {
                if (stop != null && stop.requested()) {
                    stop.acknowledge();
                    stopped = true;
                    break;
                }
                List<int[]> batch = new ArrayList<>();
                List<int[]> w = new ArrayList<>(); // {winnerRow, loserRow}
                List<Float> weight = new ArrayList<>();
                if (cfg.shuffledPairs()) {
                    int n = (int) Math.min(pairsPerStep, pairsTotal - position);
                    for (int i = 0; i < n; i++) {
                        int[] fp = flatPairs.get(order.index(position++));
                        w.add(new int[] {batch.size(), batch.size() + 1});
                        batch.add(seqs.get(fp[0]).get(fp[1]));
                        batch.add(seqs.get(fp[0]).get(fp[2]));
                        weight.add(1f / n);
                    }
                } else {
                    int n = (int) Math.min(cfg.batchSize(), rankingsTotal - position);
                    for (int i = 0; i < n; i++) {
                        int r = order.index(position++);
                        int base = batch.size();
                        batch.addAll(seqs.get(r));
                        List<int[]> ps = pairs.get(r);
                        for (int[] p : ps) {
                            w.add(new int[] {base + p[0], base + p[1]});
                            weight.add(1f / (ps.size() * n)); // -1/C(K,2) sum over the ranking, mean over rankings
                        }
                    }
                }
                double lr = cfg.learningRateAt(step, maxSteps);
                double[] lossAndAcc = step(batch, w, weight, opt, lr, step + 1);
                lastLoss = lossAndAcc[0];
                if (!Double.isFinite(lastLoss)) {
                    throw new IllegalStateException("reward loss is " + lastLoss + " at step " + (step + 1));
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("step", step + 1);
                line.put("loss", lastLoss);
                line.put("train_pair_accuracy", lossAndAcc[1]);
                line.put("lr", lr);
                line.put("sequences", batch.size());
                line.put("pairs", w.size());
                boolean last = step + 1 == maxSteps;
                if (val != null && !val.isEmpty() && (last || (cfg.evalInterval() > 0 && (step + 1) % cfg.evalInterval() == 0))) {
                    acc = accuracy(model, val, tok);
                    line.put("val_accuracy", acc.rate());
                    line.put("val_accuracy_ci", List.of(acc.ciLow(), acc.ciHigh()));
                }
                line.put("elapsed_s", (System.nanoTime() - t0) / 1e9);
                if (metrics != null) {
                    metrics.write(line);
                }
                progress.update(step + 1, 0, String.format("loss %.4f acc %.3f lr %.2e", lastLoss, lossAndAcc[1], lr),
                        last);
            }
        } finally {
            opt.close();
            if (metrics != null) {
                metrics.close();
            }
        }
        model.setTraining(false);
        if (val != null && !val.isEmpty() && (acc == null || stopped)) {
            acc = accuracy(model, val, tok);
        }
        // InstructGPT: a bias so that the labelers' demonstrations score 0 on average
        List<int[]> demo = new ArrayList<>();
        if (demonstrations != null) {
            for (String[] d : demonstrations) {
                demo.add(Sequences.scored(d[0], d[1], tok, context));
            }
        } else {
            for (int i = 0; i < train.size(); i++) {
                for (int b : train.get(i).best()) {
                    demo.add(seqs.get(i).get(b));
                }
            }
        }
        double mean = 0;
        for (double s : scores(model, demo, tok)) {
            mean += s / demo.size();
        }
        model.shiftBias((float) -mean);
        return new Result(step, lastLoss, acc, -mean, stopped, (System.nanoTime() - t0) / 1e9);
    }

    /** One optimizer step; returns {loss, share of pairs ordered right}. */
    private double[] step(List<int[]> batch, List<int[]> pairs, List<Float> weight, AdamW opt, double lr, int t) {
        int[] win = new int[pairs.size()];
        int[] lose = new int[pairs.size()];
        float[] wt = new float[pairs.size()];
        for (int i = 0; i < win.length; i++) {
            win[i] = pairs.get(i)[0];
            lose[i] = pairs.get(i)[1];
            wt[i] = weight.get(i);
        }
        Map<String, NDArray> params = model.parameters();
        try (NDScope scope = new NDScope(); NDManager m = model.trunk().manager().newSubManager()) {
            double loss;
            float[] s;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray ids = Sequences.padded(m, batch, tok.endOfTextId()); // (N, T)
                NDArray scores = model.lastScores(ids, Sequences.lastIndices(batch), false); // (N)
                NDArray l = RewardLoss.pairwise(scores, win, lose, wt);
                gc.backward(l);
                loss = l.getFloat();
                s = scores.toFloatArray();
            }
            double right = 0;
            for (int i = 0; i < win.length; i++) {
                right += s[win[i]] > s[lose[i]] ? 1 : s[win[i]] == s[lose[i]] ? 0.5 : 0;
            }
            applyGradients(params, opt, lr, t, cfg.gradClip(), m);
            return new double[] {loss, right / win.length};
        }
    }

    /** Clips the global gradient norm, steps AdamW, zeroes the gradients. Returns the norm before clipping. */
    public static double applyGradients(Map<String, NDArray> params, AdamW opt, double lr, int t, double clip,
                                        NDManager m) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        double sq = 0;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = e.getValue().getGradient();
            g.attach(m);
            grads.put(e.getKey(), g);
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        if (clip > 0 && norm > clip) {
            float scale = (float) (clip / (norm + 1e-6));
            grads.values().forEach(g -> g.muli(scale));
        }
        opt.step(params, grads, lr, t);
        grads.values().forEach(g -> g.subi(g));
        return norm;
    }

    /** Reward of each sequence (prompt + RESPONSE + response + END_OF_TEXT), no gradient, in batches of 32. */
    public static double[] scores(ScalarModel model, List<int[]> seqs, Tokenizer tok) {
        Devices.setGradMode(false);
        double[] out = new double[seqs.size()];
        for (int start = 0; start < seqs.size(); start += 32) {
            List<int[]> chunk = seqs.subList(start, Math.min(seqs.size(), start + 32));
            try (NDScope scope = new NDScope(); NDManager m = model.trunk().manager().newSubManager()) {
                float[] s = model.lastScores(Sequences.padded(m, chunk, tok.endOfTextId()),
                        Sequences.lastIndices(chunk)).toFloatArray();
                for (int i = 0; i < s.length; i++) {
                    out[start + i] = s[i];
                }
            }
        }
        return out;
    }

    /**
     * Share of validation pairs (ties in the labels skipped) where the preferred response scores higher; equal
     * scores count half. The interval treats pairs as independent, which pairs of one ranking are not quite.
     */
    public static Proportion accuracy(ScalarModel model, List<Comparison> val, Tokenizer tok) {
        double right = 0;
        long n = 0;
        int context = model.config().context();
        List<int[]> all = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        for (Comparison c : val) {
            offsets.add(new int[] {all.size()});
            int[] p = tok.encode(c.prompt());
            for (String r : c.responses()) {
                all.add(Sequences.scored(p, tok.encode(r), tok, context));
            }
        }
        double[] s = scores(model, all, tok);
        for (int i = 0; i < val.size(); i++) {
            int base = offsets.get(i)[0];
            for (int[] p : val.get(i).pairs()) {
                double d = s[base + p[0]] - s[base + p[1]];
                right += d > 0 ? 1 : d == 0 ? 0.5 : 0;
                n++;
            }
        }
        return Proportion.wilson(right, n);
    }
}
