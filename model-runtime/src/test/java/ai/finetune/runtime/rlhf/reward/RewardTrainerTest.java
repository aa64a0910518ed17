package ai.finetune.runtime.rlhf.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.rlhf.Sequences;
import ai.finetune.runtime.testing.ByteTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardTrainerTest {
    static final ByteTokenizer TOK = new ByteTokenizer();
    static final GptConfig MODEL = new GptConfig(TOK.vocabSize(), 32, 2, 2, 32, 0.0, GptConfig.GELU);

    /** Rankings where more 'a's is better: a pattern a tiny model picks up in a few steps. */
    static List<Comparison> rankings(int n, int k) {
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> rs = new ArrayList<>();
            int[][] groups = new int[k][];
            for (int j = 0; j < k; j++) {
                int as = (j * 3 + i) % k; // response j has `as` a's; rank by that
                rs.add("a".repeat(as) + "b".repeat(k - as));
                groups[k - 1 - as] = new int[] {j};
            }
            out.add(new Comparison("x" + i, rs, groups));
        }
        return out;
    }

    @Test
    void kwayTrainingLearnsAndCentresDemonstrations(@TempDir Path out) throws Exception {
        RewardConfig cfg = new RewardConfig(3e-3, 0.1, 6, 4, false, 0.0, 1.0, 0.0, 0, 5);
        try (GptModel sft = GptModel.create(MODEL, Device.cpu(), 3);
                ScalarModel rm = ScalarModel.fromLanguageModel(sft, 4)) {
            List<String[]> demos = List.of(new String[] {"x0", "aaaa"}, new String[] {"x1", "aaab"});
            RewardTrainer.Result r = new RewardTrainer(rm, cfg, TOK).train(rankings(16, 4), rankings(8, 4), demos,
                    out, null);
            assertEquals(24, r.steps());
            assertTrue(r.valAccuracy().rate() > 0.75, "val accuracy " + r.valAccuracy());
            List<int[]> d = new ArrayList<>();
            for (String[] x : demos) {
                d.add(Sequences.scored(x[0], x[1], TOK, MODEL.context()));
            }
            double[] s = RewardTrainer.scores(rm, d, TOK);
            assertEquals(0.0, (s[0] + s[1]) / 2, 1e-4);
            assertEquals(24, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        }
    }

    @Test
    void shuffledPairsTakeTheSameNumberOfSteps() throws Exception {
        RewardConfig cfg = new RewardConfig(1e-3, 0.1, 1, 4, true, 0.0, 1.0, 0.0, 0, 5);
        try (GptModel sft = GptModel.create(MODEL, Device.cpu(), 3);
                ScalarModel rm = ScalarModel.fromLanguageModel(sft, 4)) {
            RewardTrainer.Result r = new RewardTrainer(rm, cfg, TOK).train(rankings(8, 4), rankings(2, 4), null,
                    null, null);
            assertEquals(2, r.steps()); // 8 rankings / 4 per step; 48 pairs in 2 steps of 24
            assertTrue(Double.isFinite(r.trainLoss()));
        }
    }
}
