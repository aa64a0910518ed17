package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.PromptData;
import ai.finetune.runtime.rlhf.RlhfModels;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.ppo.PpoConfig;
import ai.finetune.runtime.rlhf.ppo.PpoTrainer;
import ai.finetune.runtime.rlhf.ppo.PtxData;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.StopSignal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ppo}: PPO or PPO-ptx from an SFT checkpoint against a reward model; {@code --resume} continues a run. */
public final class PpoCommand implements Command {
    public static final String POLICY_DIR = "policy";

    @Override
    public String name() {
        return "ppo";
    }

    @Override
    public String summary() {
        return "PPO / PPO-ptx (InstructGPT) against a reward model, with exact resume";
    }

    @Override
    public String help() {
        return """
                ppo --sft=DIR --rewardModel=DIR --prompts=FILE --out=DIR [--ptxData=PATH] [options]
                ppo --out=DIR --resume [--iterations=N]      continue a stopped run exactly where it was
                  --sft=DIR          SFT checkpoint: the policy's start and the frozen reference
                  --rewardModel=DIR  reward-train output: scores responses; the value function starts as a copy
                  --prompts=FILE     JSONL with a "prompt" per line (SFT and ranking files work too)
                  --ptxData=PATH     pretraining text for PPO-ptx: .jsonl of {"text"}, a text file, or a folder
                                     of .py/.txt/.md files; needed unless --ptxCoef=0
                  --ptxMaxChars=N    read at most N characters of --ptxData (default 4000000)
                  --out=DIR          run folder: metrics.jsonl (one line per iteration), checkpoints, and
                                     policy/ (the final policy, EMA weights when --ema) for sample/compare
                  --device=cpu|gpu[:N]
                Stop with SIGTERM or a STOP file in --out: the run checkpoints and exits; --resume continues it.
                PPO (PpoConfig; --ptxCoef=0 is plain PPO):
                """ + RecordOptions.describe(PpoConfig.defaults(), java.util.Set.of());
    }

    @Override
    public int run(Options o) throws Exception {
        Path out = o.path("out");
        boolean resume = o.bool("resume", false);
        Device device = Devices.parse(o.string("device", "cpu"));
        Checkpoint.Loaded cp = null;
        Map<String, String> paths = new LinkedHashMap<>();
        PpoConfig cfg;
        if (resume) {
            cp = RlhfModels.load(out, "--resume: run folder");
            if (!PpoTrainer.KIND.equals(cp.meta().kind())) {
                throw new UsageException("ppo: " + cp.dir() + " is a '" + cp.meta().kind() + "' checkpoint, not a PPO run");
            }
            Map<String, String> saved = cp.meta().options();
            for (String k : List.of("sft", "rewardModel", "prompts", "ptxData", "ptxMaxChars")) {
                if (saved.containsKey(k)) {
                    paths.put(k, saved.get(k));
                }
            }
            cfg = new ObjectMapper().readValue(saved.get("ppo_config"), PpoConfig.class);
            int iterations = o.integer("iterations", cfg.iterations());
            cfg = RecordOptions.with(cfg, "iterations", iterations);
        } else {
            paths.put("sft", o.required("sft"));
            paths.put("rewardModel", o.required("rewardModel"));
            paths.put("prompts", o.required("prompts"));
            if (o.has("ptxData")) {
                paths.put("ptxData", o.required("ptxData"));
            }
            paths.put("ptxMaxChars", Long.toString(o.longValue("ptxMaxChars", 4_000_000L)));
            cfg = RecordOptions.apply(PpoConfig.defaults(), o, java.util.Set.of());
            if (cfg.ptxCoef() > 0 && !paths.containsKey("ptxData")) {
                throw new UsageException("ppo: --ptxCoef=" + cfg.ptxCoef() + " needs --ptxData (pretraining text), "
                        + "or pass --ptxCoef=0 for plain PPO");
            }
        }
        o.rejectUnknown();
        StopSignal.installSignalHandlers();

        Checkpoint.Loaded sft = RlhfModels.load(Path.of(paths.get("sft")), "--sft");
        Checkpoint.Loaded rmCp = RlhfModels.load(Path.of(paths.get("rewardModel")), "--rewardModel");
        Tokenizer tok = RlhfModels.tokenizer(sft);
        List<String> prompts = PromptData.prompts(Path.of(paths.get("prompts")));
        PtxData.Split ptx = cfg.ptxCoef() > 0 ? PtxData.load(Path.of(paths.get("ptxData")), tok, cfg.ptxSeqLen(),
                Long.parseLong(paths.get("ptxMaxChars"))) : null;
        System.err.printf("ppo: %d prompts, %d episodes per iteration, ptxCoef %s%s%n", prompts.size(),
                cfg.episodesPerIteration(), cfg.ptxCoef(), ptx == null ? "" : ", " + ptx.train().size()
                        + " pretraining windows");
        PpoTrainer.Result r;
        ScalarModel rm = RlhfModels.rewardModel(rmCp, device);
        try (PpoTrainer t = new PpoTrainer(RlhfModels.languageModel(sft, device),
                RlhfModels.languageModel(sft, device), rm.copy(), rm, cfg, tok, prompts,
                ptx == null ? null : ptx.train(), out, paths, cp)) {
            r = t.run(new StopSignal(out));
            Checkpoint.saveModel(out.resolve(POLICY_DIR), new Checkpoint.Meta("ppo-policy",
                    t.policy().config(), null, Map.of("ema", Boolean.toString(cfg.ema()), "iteration",
                    Integer.toString(r.iteration()))), t.exportWeights(), tok);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("iteration", r.iteration());
        summary.put("stopped", r.stopped());
        if (r.last() != null) {
            for (String k : List.of("reward_mean", "kl", "kl_coef", "entropy", "response_length", "policy_loss",
                    "value_loss", "ptx_loss", "clip_fraction", "approx_kl", "rollout_s", "scoring_s", "update_s")) {
                summary.put(k, r.last().metrics().get(k));
            }
        }
        summary.put("checkpoint", r.checkpoint().toString());
        summary.put("policy", out.resolve(POLICY_DIR).toString());
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
