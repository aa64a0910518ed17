package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.PromptData;
import ai.finetune.runtime.rlhf.RlhfModels;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.reward.Comparison;
import ai.finetune.runtime.rlhf.reward.ComparisonData;
import ai.finetune.runtime.rlhf.reward.RewardConfig;
import ai.finetune.runtime.rlhf.reward.RewardTrainer;
import ai.finetune.runtime.tokenizer.Tokenizer;
import ai.finetune.runtime.training.StopSignal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** {@code reward-train}: a reward model from an SFT checkpoint and K-way rankings or chosen/rejected pairs. */
public final class RewardTrainCommand implements Command {
    @Override
    public String name() {
        return "reward-train";
    }

    @Override
    public String summary() {
        return "train a reward model (InstructGPT K-way ranking loss) from an SFT checkpoint";
    }

    @Override
    public String help() {
        return """
                reward-train --sft=DIR --data=FILE --out=DIR [options]
                  --sft=DIR             SFT checkpoint: the trunk is copied, the LM head replaced by a scalar head
                  --data=FILE           JSONL (.gz allowed) of rankings or pairs, one per line:
                                          {"prompt":..,"responses":[..K..],"ranking":[[0],[2,3],[1]]}  best group
                                              first, responses in one group tied (tied pairs are skipped)
                                          {"prompt":..,"responses":[..],"ranking":[2,0,1]}  no ties
                                          {"prompt":..,"chosen":..,"rejected":..}
                                          {"chosen":"\\n\\nHuman: ..\\n\\nAssistant: ..","rejected":..}  (hh-rlhf)
                  --valData=FILE        validation comparisons (default: valFraction of --data, seeded)
                  --demonstrations=FILE SFT JSONL (prompt/response) whose mean score is set to 0 after training
                                        (default: the best-ranked responses of the training data)
                  --out=DIR             run folder: metrics.jsonl and the reward-model checkpoint (latest)
                  --maxComparisons=N    use only the first N comparisons of --data (0 = all)
                  --device=cpu|gpu[:N]  default cpu
                training (RewardConfig):
                """ + RecordOptions.describe(RewardConfig.defaults(), java.util.Set.of());
    }

    @Override
    public int run(Options o) throws Exception {
        Path sftDir = o.path("sft");
        Path data = o.path("data");
        Path valData = o.path("valData", null);
        Path demoFile = o.path("demonstrations", null);
        Path out = o.path("out");
        int maxComparisons = o.integer("maxComparisons", 0);
        Device device = Devices.parse(o.string("device", "cpu"));
        RewardConfig cfg = RecordOptions.apply(RewardConfig.defaults(), o, java.util.Set.of());
        o.rejectUnknown();
        StopSignal.installSignalHandlers();

        List<Comparison> all = ComparisonData.read(data);
        if (maxComparisons > 0 && all.size() > maxComparisons) {
            all = all.subList(0, maxComparisons);
        }
        List<Comparison> train = new ArrayList<>();
        List<Comparison> val = new ArrayList<>();
        if (valData != null) {
            train.addAll(all);
            val = ComparisonData.read(valData);
        } else {
            Random r = new Random(cfg.seed());
            for (Comparison c : all) {
                (r.nextDouble() < cfg.valFraction() ? val : train).add(c);
            }
        }
        if (train.isEmpty()) {
            throw new UsageException("reward-train: no training comparisons left after the validation split");
        }
        List<String[]> demos = null;
        if (demoFile != null) {
            demos = new ArrayList<>();
            for (PromptData.Row row : PromptData.read(demoFile, true)) {
                demos.add(new String[] {row.prompt(), row.response()});
            }
        }
        Checkpoint.Loaded sft = RlhfModels.load(sftDir, "--sft");
        Tokenizer tok = RlhfModels.tokenizer(sft);
        RewardTrainer.Result r;
        try (GptModel lm = RlhfModels.languageModel(sft, device);
                ScalarModel rm = ScalarModel.fromLanguageModel(lm, cfg.seed())) {
            System.err.printf("reward-train: %d training and %d validation comparisons, %s%n", train.size(),
                    val.size(), cfg.shuffledPairs() ? "shuffled pairs" : "K-way rankings as batch elements");
            r = new RewardTrainer(rm, cfg, tok).train(train, val, demos, out, new StopSignal(out));
            Map<String, String> opts = new LinkedHashMap<>();
            opts.put("sft", sftDir.toString());
            opts.put("data", data.toString());
            opts.put("reward_config", new ObjectMapper().writeValueAsString(cfg));
            opts.put("bias_shift", Double.toString(r.biasShift()));
            if (r.valAccuracy() != null) {
                opts.put("val_accuracy", Double.toString(r.valAccuracy().rate()));
            }
            Checkpoint.save(out, new Checkpoint.Meta("reward-model", rm.config(), null, opts), rm.toTensors(), tok,
                    null, new Checkpoint.State(r.steps(), 0, cfg.seed(), null));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("steps", r.steps());
        summary.put("stopped", r.stopped());
        summary.put("train_loss", r.trainLoss());
        summary.put("mode", cfg.shuffledPairs() ? "shuffled_pairs" : "kway");
        summary.put("train_comparisons", train.size());
        summary.put("val_accuracy", r.valAccuracy() == null ? null : r.valAccuracy().toMap());
        summary.put("bias_shift", r.biasShift());
        summary.put("seconds", r.seconds());
        summary.put("out", out.toString());
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return 0;
    }
}
