package ai.finetune.portal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.config.TrainConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunParametersTest {

    @Test
    void defaultsComeFromTheConfigRecordsWithTheCliSpelling() {
        Map<String, String> sft = RunParameters.defaults(RunKind.SFT);
        assertEquals(String.valueOf(TrainConfig.sftDefaults().learningRate()), sft.get("learningRate"));
        assertEquals(String.valueOf(TrainConfig.sftDefaults().maxSteps()), sft.get("maxSteps"));
        assertTrue(RunParameters.defaults(RunKind.PRETRAIN).containsKey("layers"));
        assertTrue(!sft.containsKey("layers"), "SFT keeps the parent's shape");
    }

    @Test
    void givenValuesOverrideAndSurviveExactly() throws Exception {
        Map<String, String> r = RunParameters.resolve(RunKind.SFT, Map.of("learningRate", "9.65e-6", "maxSteps", "7"));
        assertEquals("9.65e-6", r.get("learningRate"));
        assertEquals("7", r.get("maxSteps"));
    }

    @Test
    void badValuesNameTheOption() {
        assertEquals("learningRate: expected a number, got 'fast'", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.SFT, Map.of("learningRate", "fast"))).getMessage());
        assertEquals("learningRate must be > 0, got -1.0", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.SFT, Map.of("learningRate", "-1"))).getMessage());
        assertTrue(assertThrows(RunException.class, () -> RunParameters.resolve(RunKind.SFT,
                Map.of("lr", "1"))).getMessage().startsWith("lr: not an option of sft"));
        assertTrue(assertThrows(RunException.class, () -> RunParameters.resolve(RunKind.PRETRAIN,
                Map.of("width", "130", "heads", "4"))).getMessage().startsWith("width must be a positive multiple"));
        assertEquals("seqLen: at most the model's context (64), got 128", assertThrows(RunException.class,
                () -> RunParameters.resolve(RunKind.PRETRAIN, Map.of("context", "64", "seqLen", "128"))).getMessage());
    }
}
