package ai.finetune.portal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.rlhf.ppo.PpoConfig;
import ai.finetune.runtime.rlhf.reward.RewardConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option defaults, mapping and validation of the RLHF and evaluation run kinds. */
class RunKindOptionsTest {

    @Test
    void everyKindIsAJobAndACommand() throws Exception {
        for (RunKind k : RunKind.values()) {
            assertEquals(k, RunKind.of(k.command()));
            var xml = getClass().getClassLoader().getResource("META-INF/batch-jobs/" + k.command() + ".xml");
            assertTrue(xml != null, "job XML of " + k.command());
            // well-formed (a "--" in a comment made the batch runtime refuse a job at its first start)
            var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toString());
            assertEquals(k.command(), doc.getDocumentElement().getAttribute("id"));
        }
        assertEquals(RunKind.REWARD_MODEL, RunKind.of("REWARD_MODEL"));
        assertEquals("sample", RunKind.SAMPLE_COMPARISONS.cli());
        assertEquals("reward-train", RunKind.REWARD_MODEL.cli());
        assertEquals("truthfulqa-eval", RunKind.TRUTHFULQA.cli());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunKind.of("dpo")).getMessage()
                .contains("known: pretrain, sft, sample-comparisons, reward-model, ppo, humaneval, truthfulqa, bbq"));
    }

    @Test
    void ppoDefaultsAreInstructGptsThroughPpoConfig() {
        Map<String, String> d = RunParameters.defaults(RunKind.PPO);
        assertEquals("0.02", d.get("klCoef"));
        assertEquals("27.8", d.get("ptxCoef"));
        assertEquals(String.valueOf(PpoConfig.defaults().iterations()), d.get("iterations"));
        assertTrue(d.containsKey(RunParameters.PTX_DATASET) && d.get(RunParameters.PTX_DATASET) == null,
                "ptxDataset is optional (the newest CODE dataset)");
        assertEquals(String.valueOf(RewardConfig.defaults().learningRate()),
                RunParameters.defaults(RunKind.REWARD_MODEL).get("learningRate"));
    }

    @Test
    void ppoValuesAreCheckedByPpoConfigAndNameTheOption() throws Exception {
        Map<String, String> r = RunParameters.resolve(RunKind.PPO, Map.of("iterations", "3", "ptxCoef", "0",
                "ema", "true"));
        assertEquals("3", r.get("iterations"));
        assertEquals(3, RunParameters.totalSteps(RunKind.PPO, r));
        assertFalse(r.containsKey(RunParameters.PTX_DATASET), "optional and not given: left out");
        assertEquals("ema: expected true or false, got 'maybe'", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.PPO, Map.of("ema", "maybe"))).getMessage());
        assertTrue(assertThrows(RunException.class, () -> RunParameters.resolve(RunKind.PPO,
                Map.of("iterations", "0"))).getMessage().contains("iterations"));
        assertEquals("ptxDataset: expected a whole number of at least 1, got 'corpus'", assertThrows(
                RunException.class, () -> RunParameters.resolve(RunKind.PPO, Map.of("ptxDataset", "corpus")))
                .getMessage());
        assertEquals("epochs must be > 0", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.REWARD_MODEL, Map.of("epochs", "0"))).getMessage());
    }

    @Test
    void samplingTakesFourToNineOutputsPerPrompt() throws Exception {
        assertEquals("4", RunParameters.defaults(RunKind.SAMPLE_COMPARISONS).get("n"));
        assertEquals("n: must be between 4 and 9, got 3", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.SAMPLE_COMPARISONS, Map.of("n", "3"))).getMessage());
        Map<String, String> r = RunParameters.resolve(RunKind.SAMPLE_COMPARISONS, Map.of("n", "9", "limit", "5"));
        assertEquals(5, RunParameters.totalSteps(RunKind.SAMPLE_COMPARISONS, r));
    }

    @Test
    void evaluationOptionsAreTheCliOnesAndOptionalOnesMayBeBlank() throws Exception {
        Map<String, String> he = RunParameters.defaults(RunKind.HUMANEVAL);
        assertEquals("1,10,100", he.get("k"));
        assertEquals("0.2", he.get("temperature"));
        Map<String, String> given = new HashMap<>();
        given.put("limit", "");
        given.put("k", "1, 2");
        Map<String, String> r = RunParameters.resolve(RunKind.HUMANEVAL, given);
        assertFalse(r.containsKey("limit"));
        assertEquals("k: expected a whole number, got 'x'", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.HUMANEVAL, Map.of("k", "1,x"))).getMessage());
        assertEquals("limit: must be at least 1, got 0", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.TRUTHFULQA, Map.of("limit", "0"))).getMessage());
        assertEquals("temperature: a value is required", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.HUMANEVAL, Map.of("temperature", " "))).getMessage());
        assertEquals(0, RunParameters.totalSteps(RunKind.BBQ, RunParameters.resolve(RunKind.BBQ, Map.of())));
    }

    @Test
    void parentKindsFollowTheLineage() {
        assertEquals(java.util.List.of(ai.finetune.portal.model.ModelKind.SFT), RunKind.REWARD_MODEL.parentKinds());
        assertTrue(RunKind.PPO.needsRewardModel());
        assertFalse(RunKind.BBQ.parentKinds().contains(ai.finetune.portal.model.ModelKind.RM),
                "a reward model is not evaluated on text benchmarks");
        assertTrue(RunKind.PPO.resumable() && !RunKind.REWARD_MODEL.resumable());
    }
}
