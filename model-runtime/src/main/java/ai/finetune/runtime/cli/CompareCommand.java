package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.Judge;
import ai.finetune.runtime.rlhf.PromptData;
import ai.finetune.runtime.rlhf.Proportion;
import ai.finetune.runtime.rlhf.RlhfModels;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.WinRate;
import ai.finetune.runtime.rlhf.experiment.ListTask;
import ai.finetune.runtime.sampling.SamplingConfig;
import ai.finetune.runtime.tokenizer.Tokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code compare}: win rate of model A's samples over model B's on held-out prompts. */
public final class CompareCommand implements Command {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "win rate of two models' samples judged by a reward model or a rule, with a 95% interval";
    }

    @Override
    public String help() {
        return """
                compare --modelA=DIR --modelB=DIR --prompts=FILE (--rewardModel=DIR | --judge=instructgpt-mini)
                  --modelA, --modelB  language-model checkpoints (e.g. a ppo run's policy/ and the SFT run)
                  --prompts=FILE      JSONL with a "prompt" per line (held-out prompts)
                  --rewardModel=DIR   judge by reward-model score
                  --judge=NAME        or a rule judge: instructgpt-mini (the experiment's hidden labeler rule)
                  --maxPrompts=N      first N prompts only (default 0 = all)
                  --maxNewTokens=N    default 64;  --temperature=T  default 1.0;  --topP=P  default 1.0
                  --seed=N            prompt i is sampled with seed N + i for both models (default 0)
                  --device=cpu|gpu[:N]
                Each model answers each prompt once; ties count half. Summary: rate, ci_low, ci_high (Wilson 95%),
                n, and A's and B's mean judge scores.""";
    }

    @Override
    public int run(Options o) throws Exception {
        Path a = o.path("modelA");
        Path b = o.path("modelB");
        Path promptFile = o.path("prompts");
        Path rmDir = o.path("rewardModel", null);
        String judgeName = o.string("judge", rmDir == null ? null : "rm");
        int maxPrompts = o.integer("maxPrompts", 0);
        SamplingConfig sc = new SamplingConfig(o.integer("maxNewTokens", 64), o.decimal("temperature", 1.0),
                o.decimal("topP", 1.0), 0, List.of(), 1, o.longValue("seed", 0), true);
        Device device = Devices.parse(o.string("device", "cpu"));
        o.rejectUnknown();
        if (judgeName == null) {
            throw new UsageException("compare: give --rewardModel=DIR or --judge=instructgpt-mini");
        }
        List<String> prompts = new ArrayList<>(PromptData.prompts(promptFile));
        if (maxPrompts > 0 && prompts.size() > maxPrompts) {
            prompts = prompts.subList(0, maxPrompts);
        }
        Checkpoint.Loaded ca = RlhfModels.load(a, "--modelA");
        Checkpoint.Loaded cb = RlhfModels.load(b, "--modelB");
        Tokenizer tok = RlhfModels.tokenizer(ca);
        List<String> ra;
        List<String> rb;
        try (GptModel ma = RlhfModels.languageModel(ca, device)) {
            ra = WinRate.responses(ma, tok, prompts, sc);
        }
        try (GptModel mb = RlhfModels.languageModel(cb, device)) {
            rb = WinRate.responses(mb, RlhfModels.tokenizer(cb), prompts, sc);
        }
        ScalarModel rm = null;
        Judge judge;
        if (judgeName.equals("rm")) {
            if (rmDir == null) {
                throw new UsageException("compare: --judge=rm needs --rewardModel=DIR");
            }
            Checkpoint.Loaded rc = RlhfModels.load(rmDir, "--rewardModel");
            rm = RlhfModels.rewardModel(rc, device);
            judge = WinRate.rewardModelJudge(rm, RlhfModels.tokenizer(rc));
        } else if (judgeName.equals(ListTask.NAME)) {
            judge = new ListTask();
        } else {
            throw new UsageException("compare: unknown --judge=" + judgeName + " (rm or " + ListTask.NAME + ")");
        }
        Proportion p;
        double meanA = 0;
        double meanB = 0;
        try {
            p = WinRate.of(prompts, ra, rb, judge);
            for (int i = 0; i < prompts.size(); i++) {
                meanA += judge.score(prompts.get(i), ra.get(i)) / prompts.size();
                meanB += judge.score(prompts.get(i), rb.get(i)) / prompts.size();
            }
        } finally {
            if (rm != null) {
                rm.close();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("judge", judgeName);
        summary.putAll(p.toMap());
        summary.put("mean_score_a", meanA);
        summary.put("mean_score_b", meanB);
        summary.put("example", Map.of("prompt", prompts.get(0), "a", ra.get(0), "b", rb.get(0)));
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
