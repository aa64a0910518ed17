package ai.finetune.runtime.rlhf.experiment;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.data.AtomicFiles;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.Proportion;
import ai.finetune.runtime.rlhf.RlhfModels;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.Sequences;
import ai.finetune.runtime.rlhf.WinRate;
import ai.finetune.runtime.rlhf.ppo.PpoConfig;
import ai.finetune.runtime.rlhf.ppo.PpoTrainer;
import ai.finetune.runtime.rlhf.ppo.PtxData;
import ai.finetune.runtime.rlhf.reward.Comparison;
import ai.finetune.runtime.rlhf.reward.RewardConfig;
import ai.finetune.runtime.rlhf.reward.RewardTrainer;
import ai.finetune.runtime.sampling.Completion;
import ai.finetune.runtime.sampling.Sampler;
import ai.finetune.runtime.sampling.SamplingConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.Batch;
import ai.finetune.runtime.training.Example;
import ai.finetune.runtime.training.Examples;
import ai.finetune.runtime.training.SftData;
import ai.finetune.runtime.training.Trainer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * InstructGPT in miniature: from a small pretrained model, SFT on sloppy demonstrations of {@link ListTask}, a
 * reward model from simulated labelers' K = 4..9 rankings (noise calibrated to 72.6% inter-labeler agreement),
 * trained twice (K-way batch elements vs shuffled pairs), then PPO and PPO-ptx from the same SFT against the K-way
 * reward model. Evaluation on held-out prompts (8 of the 48 prompts never seen in SFT, RM or PPO data): win rate
 * against SFT judged by the hidden rule (not the RM), KL to SFT, and the pretraining validation loss (the
 * alignment tax). Every claim is checked and reported as held or not.
 */
public final class InstructGptMini {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final double TARGET_AGREEMENT = 0.726; // InstructGPT's training labelers: 72.6 +/- 1.5%
    static final double KL_BOUND = 10.0; // nats per episode, the bound the "KL stays bounded" check uses
    static final int MAX_NEW = 24;

    private final Path base;
    private final Path out;
    private final Path ptxSource;
    private final Preset preset;
    private final long seed;
    private final Device device;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public InstructGptMini(Path base, Path out, Path ptxSource, Preset preset, long seed, Device device) {
        this.base = base;
        this.out = out;
        this.ptxSource = ptxSource;
        this.preset = preset;
        this.seed = seed;
        this.device = device;
    }

    private void log(String s) {
        System.err.println("[instructgpt-mini] " + s);
    }

    private long tick(String stage, long since) {
        long now = System.nanoTime();
        seconds.put(stage, (now - since) / 1e9);
        log(String.format("%s done in %.0fs", stage, (now - since) / 1e9));
        return now;
    }

    /** Runs every stage and writes {@code out/report.json}; returns the report. */
    public Map<String, Object> run() throws IOException {
        long t0 = System.nanoTime();
        long t = t0;
        Checkpoint.Loaded baseCp = RlhfModels.load(base, "--base");
        Tokenizer tok = RlhfModels.tokenizer(baseCp);
        ListTask task = new ListTask();
        Random rnd = new Random(seed);
        // held-out prompts: 8 of the 48, never used for SFT, RM or PPO
        List<String> all = new ArrayList<>(ListTask.allPrompts());
        Collections.shuffle(all, new Random(seed + 1));
        List<String> heldOut = all.subList(0, 8);
        List<String> trainPrompts = all.subList(8, all.size());
        PtxData.Split ptx = PtxData.load(ptxSource, tok, 64, preset.ptxMaxChars());
        Examples ptxVal = ptx.val();
        Map<String, Object> pretrainLoss = new LinkedHashMap<>();
        Map<String, Object> report = new LinkedHashMap<>();
        try (GptModel sft = RlhfModels.languageModel(baseCp, device)) {
            pretrainLoss.put("base", lmLoss(sft, ptxVal));
            t = tick("load", t);

            // 1. SFT on sloppy demonstrations
            List<String[]> demos = new ArrayList<>();
            List<Example> sftTrain = new ArrayList<>();
            for (int i = 0; i < preset.sftDemos(); i++) {
                String p = trainPrompts.get(rnd.nextInt(trainPrompts.size()));
                String d = ListTask.demonstration(p, rnd);
                demos.add(new String[] {p, d});
                sftTrain.add(SftData.example(tok.encode(p), tok.encode(d), tok, sft.config().context() - 1));
            }
            TrainConfig sftCfg = new TrainConfig(preset.sftLr(), 0.1, 0, preset.sftSteps(), 8, 1, 64, 0.0, 0.9, 0.95,
                    1e-8, 1.0, 0, 4, 0, seed);
            Trainer trainer = new Trainer(sft, sftCfg, new Checkpoint.Meta("sft", sft.config(), sftCfg,
                    Map.of("experiment", ListTask.NAME)), Examples.of(sftTrain), Examples.of(sftTrain.subList(0, 16)),
                    tok.endOfTextId(), tok, out.resolve("sft"), null, null);
            Trainer.Result sftResult = trainer.run(null);
            trainer.close();
            sft.setTraining(false);
            pretrainLoss.put("sft", lmLoss(sft, ptxVal));
            report.put("sft_loss", sftResult.loss());
            t = tick("sft", t);

            // 2. comparisons: K = 4..9 SFT samples per prompt, ranked by simulated labelers
            List<String> rmPromptList = new ArrayList<>();
            List<List<String>> responses = new ArrayList<>();
            List<double[]> utilities = new ArrayList<>();
            List<double[]> pairUtilities = new ArrayList<>();
            Sampler sampler = new Sampler(sft, tok);
            for (int i = 0; i < preset.rmPrompts() + preset.rmValPrompts(); i++) {
                String p = trainPrompts.get(rnd.nextInt(trainPrompts.size()));
                int k = 4 + rnd.nextInt(6);
                int[] ids = Sequences.promptPart(tok.encode(p), tok, sft.config().context() - MAX_NEW - 1);
                List<String> rs = new ArrayList<>();
                double[] u = new double[k];
                List<Completion> cs = sampler.sample(ids, new SamplingConfig(MAX_NEW, 1.0, 1.0, 0, List.of(), k,
                        seed * 7919 + i, true));
                for (int j = 0; j < k; j++) {
                    rs.add(cs.get(j).text());
                    u[j] = task.score(p, rs.get(j));
                }
                for (int a = 0; a < k; a++) {
                    for (int b = a + 1; b < k; b++) {
                        pairUtilities.add(new double[] {u[a], u[b]});
                    }
                }
                rmPromptList.add(p);
                responses.add(rs);
                utilities.add(u);
            }
            double sigma = SimulatedLabeler.calibrate(pairUtilities, TARGET_AGREEMENT, seed);
            double agreement = SimulatedLabeler.agreement(pairUtilities, sigma, 200, seed + 2);
            SimulatedLabeler labeler = new SimulatedLabeler(sigma);
            List<Comparison> rmTrain = new ArrayList<>();
            List<Comparison> rmVal = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < rmPromptList.size(); i++) {
                Comparison c = new Comparison(rmPromptList.get(i), responses.get(i), labeler.rank(utilities.get(i),
                        rnd));
                (i < preset.rmPrompts() ? rmTrain : rmVal).add(c);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("prompt", c.prompt());
                line.put("responses", c.responses());
                line.put("ranking", c.ranking());
                lines.add(new ObjectMapper().writeValueAsString(line));
            }
            AtomicFiles.writeString(out.resolve("rankings.jsonl"), String.join("\n", lines) + "\n");
            Map<String, Object> lab = new LinkedHashMap<>();
            lab.put("sigma", sigma);
            lab.put("agreement", agreement);
            lab.put("target_agreement", TARGET_AGREEMENT);
            lab.put("comparisons_train", rmTrain.size());
            lab.put("comparisons_val", rmVal.size());
            lab.put("pairs", pairUtilities.size());
            report.put("labelers", lab);
            t = tick("rankings", t);

            // 3. reward models: K-way (InstructGPT) and shuffled pairs, both from SFT
            RewardConfig rmCfg = new RewardConfig(preset.rmLr(), 0.1, preset.rmEpochs(), 8, false, 0.0, 1.0, 0, 0,
                    seed);
            Map<String, Object> rmAcc = new LinkedHashMap<>();
            ScalarModel rm = ScalarModel.fromLanguageModel(sft, seed);
            try {
                RewardTrainer.Result kway = new RewardTrainer(rm, rmCfg, tok).train(rmTrain, rmVal, demos,
                        out.resolve("rm-kway"), null);
                rmAcc.put("kway", kway.valAccuracy().toMap());
                saveRm(rm, tok, out.resolve("rm-kway"), kway, false);
                t = tick("rm_kway", t);
                try (ScalarModel shuffledRm = ScalarModel.fromLanguageModel(sft, seed)) {
                    RewardTrainer.Result sh = new RewardTrainer(shuffledRm, rmCfg.withShuffledPairs(true), tok).train(
                            rmTrain, rmVal, demos, out.resolve("rm-shuffled"), null);
                    rmAcc.put("shuffled", sh.valAccuracy().toMap());
                    saveRm(shuffledRm, tok, out.resolve("rm-shuffled"), sh, true);
                }
                report.put("rm_accuracy", rmAcc);
                t = tick("rm_shuffled", t);

                // 4. PPO and PPO-ptx from the same SFT against the K-way RM
                Map<String, Object> kl = new LinkedHashMap<>();
                Map<String, Object> klMax = new LinkedHashMap<>();
                Map<String, Object> timing = new LinkedHashMap<>();
                Map<String, GptModel> policies = new LinkedHashMap<>();
                try {
                    for (String run : List.of("ppo", "ppo_ptx")) {
                        double coef = run.equals("ppo") ? 0 : preset.ptxCoef();
                        PpoConfig pc = new PpoConfig(preset.ppoIterations(), 8, 4, MAX_NEW, 1.0, 8, 1, preset.ppoLr(),
                                2 * preset.ppoLr(), Math.min(10, preset.ppoIterations() / 4), preset.klCoef(), 0, 10000, 1.0,
                                0.95, 0.2, 0.2, true, coef, 4, 64, false, 0.992, 1.0, 0.0, preset.missingEosPenalty(), 3, 0,
                                seed);
                        List<Map<String, Object>> its = new ArrayList<>();
                        try (PpoTrainer ppo = new PpoTrainer(copy(sft), copy(sft), rm.copy(), rm.copy(), pc, tok,
                                trainPrompts, ptx.train(), out.resolve(run.replace('_', '-')), Map.of(), null)) {
                            for (int i = 0; i < pc.iterations(); i++) {
                                PpoTrainer.Stats s = ppo.iterate();
                                its.add(s.metrics());
                                log(String.format("%s iteration %d/%d reward %.3f kl %.3f ptx %s (%.1fs + %.1fs + "
                                        + "%.1fs)", run, i + 1, pc.iterations(), s.get("reward_mean"), s.get("kl"),
                                        s.metrics().get("ptx_loss"), s.get("rollout_s"), s.get("scoring_s"),
                                        s.get("update_s")));
                            }
                            ppo.checkpoint();
                            policies.put(run, GptModel.fromTensors(sft.config(), device, ppo.exportWeights()));
                        }
                        writeMetrics(out.resolve(run.replace('_', '-')), its);
                        kl.put(run, ((Number) its.get(its.size() - 1).get("kl")).doubleValue());
                        klMax.put(run, its.stream().mapToDouble(m -> ((Number) m.get("kl")).doubleValue()).max()
                                .orElse(Double.NaN));
                        timing.put(run, meanTimes(its));
                        t = tick(run, t);
                    }
                    report.put("kl", kl);
                    report.put("kl_max", klMax);
                    report.put("iteration_seconds", timing);

                    // 5. evaluation on held-out prompts
                    List<String> evalPrompts = new ArrayList<>();
                    for (int i = 0; i < preset.evalSamples(); i++) {
                        evalPrompts.add(heldOut.get(i % heldOut.size()));
                    }
                    SamplingConfig evalCfg = new SamplingConfig(MAX_NEW, 1.0, 1.0, 0, List.of(), 1, seed * 31, true);
                    List<String> sftAnswers = WinRate.responses(sft, tok, evalPrompts, evalCfg);
                    Map<String, Object> win = new LinkedHashMap<>();
                    Map<String, Object> winRm = new LinkedHashMap<>();
                    Map<String, Object> utility = new LinkedHashMap<>();
                    utility.put("sft", meanUtility(task, evalPrompts, sftAnswers));
                    Map<String, Object> examples = new LinkedHashMap<>();
                    examples.put("sft", sftAnswers.subList(0, 4));
                    for (Map.Entry<String, GptModel> e : policies.entrySet()) {
                        List<String> answers = WinRate.responses(e.getValue(), tok, evalPrompts, evalCfg);
                        win.put(e.getKey(), WinRate.of(evalPrompts, answers, sftAnswers, task).toMap());
                        winRm.put(e.getKey(), WinRate.of(evalPrompts, answers, sftAnswers,
                                WinRate.rewardModelJudge(rm, tok)).toMap());
                        utility.put(e.getKey(), meanUtility(task, evalPrompts, answers));
                        pretrainLoss.put(e.getKey(), lmLoss(e.getValue(), ptxVal));
                        examples.put(e.getKey(), answers.subList(0, 4));
                    }
                    report.put("win_rate", win);
                    report.put("win_rate_judged_by_rm", winRm);
                    report.put("hidden_utility_mean", utility);
                    report.put("pretrain_loss", pretrainLoss);
                    report.put("eval_prompts", heldOut);
                    report.put("eval_examples", examples);
                    t = tick("eval", t);
                } finally {
                    policies.values().forEach(GptModel::close);
                }
            } finally {
                rm.close();
            }
        }
        report.put("findings", findings(report));
        seconds.put("total", (System.nanoTime() - t0) / 1e9);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("experiment", ListTask.NAME);
        head.put("preset", preset);
        head.put("base", base.toString());
        head.put("ptx_data", ptxSource.toString());
        head.put("seed", seed);
        head.putAll(report);
        head.put("stage_seconds", seconds);
        AtomicFiles.write(out.resolve("report.json"), o -> JSON.writeValue(o, head));
        return head;
    }

    /** Each claim of the paper this run can check, and whether it held here. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> findings(Map<String, Object> r) {
        List<Map<String, Object>> f = new ArrayList<>();
        Map<String, Map<String, Object>> acc = (Map<String, Map<String, Object>>) r.get("rm_accuracy");
        double kway = num(acc.get("kway").get("rate"));
        double shuffled = num(acc.get("shuffled").get("rate"));
        f.add(finding("K-way batching gives an RM at least as accurate as shuffled pairs", kway >= shuffled,
                String.format("validation pairwise accuracy %.3f vs %.3f (intervals in rm_accuracy)", kway, shuffled)));
        Map<String, Map<String, Object>> win = (Map<String, Map<String, Object>>) r.get("win_rate");
        for (String run : List.of("ppo", "ppo_ptx")) {
            double lo = num(win.get(run).get("ci_low"));
            f.add(finding(run + " beats SFT by the hidden labeler rule (95% interval above 50%)", lo > 0.5,
                    String.format("win rate %.3f [%.3f, %.3f]", num(win.get(run).get("rate")), lo,
                            num(win.get(run).get("ci_high")))));
        }
        Map<String, Object> pl = (Map<String, Object>) r.get("pretrain_loss");
        double taxPpo = num(pl.get("ppo")) - num(pl.get("sft"));
        double taxPtx = num(pl.get("ppo_ptx")) - num(pl.get("sft"));
        f.add(finding("PPO-ptx regresses pretraining loss less than PPO (smaller alignment tax)", taxPtx < taxPpo,
                String.format("pretraining loss change vs SFT: PPO %+.4f, PPO-ptx %+.4f", taxPpo, taxPtx)));
        Map<String, Object> klMax = (Map<String, Object>) r.get("kl_max");
        for (String run : List.of("ppo", "ppo_ptx")) {
            double k = num(klMax.get(run));
            f.add(finding(run + ": KL to SFT stays bounded (max per-episode KL below " + KL_BOUND + " nats)",
                    k < KL_BOUND, String.format("max mean KL per episode %.3f nats", k)));
        }
        Map<String, Object> lab = (Map<String, Object>) r.get("labelers");
        double ag = num(lab.get("agreement"));
        f.add(finding("simulated labelers agree about 73% (72.6 +/- 1.5%)", Math.abs(ag - TARGET_AGREEMENT) <= 0.015,
                String.format("agreement %.3f at sigma %.3f", ag, num(lab.get("sigma")))));
        return f;
    }

    private static Map<String, Object> finding(String claim, boolean held, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim", claim);
        m.put("held", held);
        m.put("detail", detail);
        return m;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static Map<String, Object> meanTimes(List<Map<String, Object>> its) {
        Map<String, Object> m = new LinkedHashMap<>();
        double total = 0;
        for (String k : List.of("rollout_s", "scoring_s", "update_s")) {
            double v = its.stream().mapToDouble(x -> num(x.get(k))).average().orElse(Double.NaN);
            m.put(k, v);
            total += v;
        }
        m.put("total_s", total);
        return m;
    }

    private static double meanUtility(ListTask task, List<String> prompts, List<String> answers) {
        double s = 0;
        for (int i = 0; i < prompts.size(); i++) {
            s += task.score(prompts.get(i), answers.get(i));
        }
        return s / prompts.size();
    }

    private void writeMetrics(Path dir, List<Map<String, Object>> its) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> m : its) {
            sb.append(new ObjectMapper().writeValueAsString(m)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("metrics.jsonl"), sb.toString());
    }

    private void saveRm(ScalarModel rm, Tokenizer tok, Path dir, RewardTrainer.Result r, boolean shuffled)
            throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("experiment", ListTask.NAME);
        opts.put("mode", shuffled ? "shuffled_pairs" : "kway");
        opts.put("bias_shift", Double.toString(r.biasShift()));
        Checkpoint.save(dir, new Checkpoint.Meta("reward-model", rm.config(), null, opts), rm.toTensors(), tok, null,
                new Checkpoint.State(r.steps(), 0, seed, null));
    }

    private GptModel copy(GptModel m) {
        return GptModel.fromTensors(m.config(), device, m.toTensors());
    }

    /** Token-weighted mean LM loss over (at most 64 of) the held-out pretraining windows. */
    static double lmLoss(GptModel model, Examples val) {
        Devices.setGradMode(false);
        int n = Math.min(64, val.size());
        double weighted = 0;
        double count = 0;
        for (int s = 0; s < n; s += 8) {
            List<Example> batch = new ArrayList<>();
            for (int i = s; i < Math.min(n, s + 8); i++) {
                batch.add(val.get(i));
            }
            try (NDScope scope = new NDScope(); NDManager m = model.manager().newSubManager()) {
                Batch b = Batch.of(batch, 0, m);
                NDArray loss = GptModel.loss(model.forward(b.inputs(), false), b.targets(), b.weights());
                weighted += loss.getFloat() * b.tokens();
                count += b.tokens();
            }
        }
        return weighted / count;
    }

}
