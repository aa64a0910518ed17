package ai.finetune.runtime.rlhf.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.checkpoint.SafeTensors;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.rlhf.ScalarModel;
import ai.finetune.runtime.testing.ByteTokenizer;
import ai.finetune.runtime.training.Example;
import ai.finetune.runtime.training.Examples;
import ai.finetune.runtime.training.MetricsLog;
import ai.finetune.runtime.training.StopSignal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoTrainerTest {
    static final ByteTokenizer TOK = new ByteTokenizer();
    static final GptConfig MODEL = new GptConfig(TOK.vocabSize(), 48, 2, 2, 32, 0.0, GptConfig.GELU);
    static final List<String> PROMPTS = List.of("ab", "cd", "hello", "xyz", "q");

    /** 4 iterations of 4 episodes in minibatches of 2, PPO-ptx, EMA and the adaptive KL controller all on. */
    static PpoConfig config() {
        return new PpoConfig(4, 2, 2, 5, 1.0, 2, 1, 1e-3, 1e-3, 2, 0.02, 1.0, 100, 1.0, 0.95, 0.2, 0.2, true,
                1.0, 2, 12, true, 0.9, 1.0, 0.0, 0.5, 2, 0, 7);
    }

    static Examples ptx() {
        int[] ids = TOK.encode("def f(x):\n    return x * 2\n\n".repeat(6));
        List<Example> list = new ArrayList<>();
        for (int s = 0; s + 13 <= ids.length; s += 12) {
            float[] w = new float[12];
            Arrays.fill(w, 1f);
            list.add(new Example(Arrays.copyOfRange(ids, s, s + 13), w));
        }
        return Examples.of(list);
    }

    /** Policy and reference from one "SFT" model, value function and reward model from one "RM". */
    static PpoTrainer trainer(Path out, Checkpoint.Loaded resume) {
        try (GptModel sft = GptModel.create(MODEL, Device.cpu(), 11);
                ScalarModel rm = ScalarModel.fromLanguageModel(sft, 12)) {
            GptModel policy = GptModel.fromTensors(MODEL, Device.cpu(), sft.toTensors());
            GptModel ref = GptModel.fromTensors(MODEL, Device.cpu(), sft.toTensors());
            return new PpoTrainer(policy, ref, rm.copy(), rm.copy(), config(), TOK, PROMPTS, ptx(), out, Map.of(),
                    resume);
        }
    }

    @Test
    void referenceAndRewardModelGetNoGradientAndStayFixed(@TempDir Path out) throws Exception {
        try (PpoTrainer t = trainer(out, null)) {
            GptModel ref = refOf(t);
            ScalarModel rm = rewardOf(t);
            Map<String, SafeTensors.Tensor> refBefore = ref.toTensors();
            Map<String, SafeTensors.Tensor> rmBefore = rm.toTensors();
            Map<String, SafeTensors.Tensor> policyBefore = t.policy().toTensors();
            PpoTrainer.Stats s = t.iterate();
            assertTrue(Double.isFinite(s.get("policy_loss")) && Double.isFinite(s.get("ptx_loss")));
            for (NDArray p : ref.parameters().values()) {
                assertFalse(p.hasGradient(), "reference parameter has a gradient");
            }
            for (NDArray p : rm.parameters().values()) {
                assertFalse(p.hasGradient(), "reward-model parameter has a gradient");
            }
            assertSame(refBefore, ref.toTensors());
            assertSame(rmBefore, rm.toTensors());
            assertNotEquals(Arrays.toString(policyBefore.get("wte").data()),
                    Arrays.toString(t.policy().toTensors().get("wte").data()), "the policy did not move");
        }
    }

    @Test
    void resumedRunMatchesUninterruptedRun(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Map<String, SafeTensors.Tensor> finalA;
        try (PpoTrainer t = trainer(a, null)) {
            t.run(null);
            finalA = t.exportWeights();
        }
        Path b = dir.resolve("b");
        try (PpoTrainer t = trainer(b, null)) {
            PpoTrainer.Result r = t.run(new StopSignal(b) {
                @Override
                public boolean requested() {
                    return t.iteration() >= 2;
                }
            });
            assertTrue(r.stopped());
            assertEquals(2, r.iteration());
        }
        Checkpoint.Loaded cp = Checkpoint.load(b);
        assertEquals(2, cp.state().step());
        Map<String, SafeTensors.Tensor> finalB;
        try (PpoTrainer t = trainer(b, cp)) {
            assertEquals(2, t.iteration());
            t.run(null);
            finalB = t.exportWeights();
        }
        List<JsonNode> la = metrics(a);
        List<JsonNode> lb = metrics(b);
        assertEquals(4, la.size());
        assertEquals(4, lb.size());
        for (int i = 0; i < 4; i++) {
            for (String k : List.of("reward_mean", "kl", "kl_coef", "policy_loss", "value_loss", "ptx_loss",
                    "entropy", "response_length", "clip_fraction")) {
                assertEquals(la.get(i).get(k).asDouble(), lb.get(i).get(k).asDouble(), 0.0,
                        k + " at iteration " + (i + 1));
            }
            assertEquals(la.get(i).get("samples").toString(), lb.get(i).get("samples").toString());
        }
        assertSame(finalA, finalB);
    }

    static void assertSame(Map<String, SafeTensors.Tensor> x, Map<String, SafeTensors.Tensor> y) {
        assertEquals(x.keySet(), y.keySet());
        for (String k : x.keySet()) {
            assertArrayEquals(x.get(k).data(), y.get(k).data(), k);
        }
    }

    static GptModel refOf(PpoTrainer t) throws Exception {
        var f = PpoTrainer.class.getDeclaredField("reference");
        f.setAccessible(true);
        return (GptModel) f.get(t);
    }

    static ScalarModel rewardOf(PpoTrainer t) throws Exception {
        var f = PpoTrainer.class.getDeclaredField("reward");
        f.setAccessible(true);
        return (ScalarModel) f.get(t);
    }

    static List<JsonNode> metrics(Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve(MetricsLog.FILE))) {
            lines.add(json.readTree(l));
        }
        return lines;
    }
}
