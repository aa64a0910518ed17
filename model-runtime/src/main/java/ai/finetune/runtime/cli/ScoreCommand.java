package ai.finetune.runtime.cli;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.rlhf.PromptData;
import ai.finetune.runtime.rlhf.RlhfModels;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.Sequences;
import ai.finetune.runtime.rlhf.reward.RewardTrainer;
import ai.finetune.runtime.tokenizer.Tokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code score}: reward-model scores of prompt/response pairs. */
public final class ScoreCommand implements Command {
    @Override
    public String name() {
        return "score";
    }

    @Override
    public String summary() {
        return "reward-model scores for a JSONL of prompt/response pairs";
    }

    @Override
    public String help() {
        return """
                score --rewardModel=DIR --data=FILE [--device=cpu]
                  --rewardModel=DIR  a reward-train output (run folder or checkpoint)
                  --data=FILE        JSONL lines {"prompt": .., "response": ..} (other fields are copied through)
                prints each input line with a "score" field added, then a JSON summary (n, mean, std, min, max)""";
    }

    @Override
    public int run(Options o) throws Exception {
        Path rmDir = o.path("rewardModel");
        Path data = o.path("data");
        Device device = Devices.parse(o.string("device", "cpu"));
        o.rejectUnknown();
        List<PromptData.Row> rows = PromptData.read(data, true);
        Checkpoint.Loaded cp = RlhfModels.load(rmDir, "--rewardModel");
        Tokenizer tok = RlhfModels.tokenizer(cp);
        ObjectMapper json = new ObjectMapper();
        double[] s;
        try (ScalarModel rm = RlhfModels.rewardModel(cp, device)) {
            List<int[]> seqs = new ArrayList<>();
            for (PromptData.Row r : rows) {
                seqs.add(Sequences.scored(r.prompt(), r.response(), tok, rm.config().context()));
            }
            s = RewardTrainer.scores(rm, seqs, tok);
        }
        double sum = 0;
        double sq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode line = ((ObjectNode) rows.get(i).line().deepCopy()).put("score", s[i]);
            System.out.println(json.writeValueAsString(line));
            sum += s[i];
            sq += s[i] * s[i];
            min = Math.min(min, s[i]);
            max = Math.max(max, s[i]);
        }
        int n = rows.size();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", name());
        summary.put("n", n);
        summary.put("mean", sum / n);
        summary.put("std", Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n))));
        summary.put("min", min);
        summary.put("max", max);
        System.out.println(json.writeValueAsString(summary));
        return 0;
    }
}
