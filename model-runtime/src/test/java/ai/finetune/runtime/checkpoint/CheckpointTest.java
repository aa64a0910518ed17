package ai.finetune.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.testing.ByteTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    static final GptConfig CFG = new GptConfig(258, 8, 1, 1, 4, 0.0, GptConfig.GELU);
    static final Checkpoint.Meta META = new Checkpoint.Meta("pretrain", CFG, TrainConfig.pretrainDefaults(), Map.of());

    static Map<String, SafeTensors.Tensor> weights(float value) {
        Map<String, SafeTensors.Tensor> w = new LinkedHashMap<>();
        w.put("a", new SafeTensors.Tensor(new long[] {2, 3}, new float[] {value, 1, 2, 3, 4, 5}));
        w.put("b", new SafeTensors.Tensor(new long[] {1}, new float[] {-value}));
        return w;
    }

    @AfterEach
    void resetHook() {
        Checkpoint.beforeCommit = () -> {};
    }

    @Test
    void processDyingMidWriteLeavesThePreviousCheckpointLoadable(@TempDir Path run) throws Exception {
        Checkpoint.save(run, META, weights(1f), new ByteTokenizer(), weights(7f), new Checkpoint.State(10, 160, 1, 2.5));
        // the next save dies after writing its files, before the rename (as a killed process would)
        Checkpoint.beforeCommit = () -> {
            throw new IllegalStateException("killed");
        };
        assertThrows(IllegalStateException.class, () -> Checkpoint.save(run, META, weights(2f), new ByteTokenizer(),
                weights(8f), new Checkpoint.State(20, 320, 1, 2.0)));
        Checkpoint.Loaded cp = Checkpoint.load(run);
        assertEquals(10, cp.state().step());
        assertArrayEquals(new float[] {1, 1, 2, 3, 4, 5}, cp.weights().get("a").data());
        assertArrayEquals(new float[] {7, 1, 2, 3, 4, 5}, cp.optimizer().get("a").data());
        assertEquals(CFG, cp.meta().model());

        // a torn temp folder left by a harder kill is ignored by load and removed by the next save
        Path torn = Files.createDirectory(run.resolve(".tmp-step-0000030-123"));
        Files.write(torn.resolve(Checkpoint.WEIGHTS), new byte[] {1, 2, 3});
        assertEquals(10, Checkpoint.load(run).state().step());
        Checkpoint.beforeCommit = () -> {};
        Checkpoint.save(run, META, weights(3f), new ByteTokenizer(), weights(9f), new Checkpoint.State(30, 480, 1, null));
        assertEquals(30, Checkpoint.load(run).state().step());
        try (Stream<Path> s = Files.list(run)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")));
        }
    }

    @Test
    void keepsTheTwoNewestCheckpoints(@TempDir Path run) throws Exception {
        for (int step = 1; step <= 4; step++) {
            Checkpoint.save(run, META, weights(step), new ByteTokenizer(), null, new Checkpoint.State(step, 0, 1, null));
        }
        assertTrue(Files.isDirectory(run.resolve("step-0000004")));
        assertTrue(Files.isDirectory(run.resolve("step-0000003")));
        assertFalse(Files.exists(run.resolve("step-0000002")));
        assertEquals("step-0000004", Files.readString(run.resolve(Checkpoint.LATEST)).trim());
    }

    @Test
    void missingCheckpointIsAClearError(@TempDir Path empty) {
        IOException e = assertThrows(NoSuchFileException.class, () -> Checkpoint.load(empty));
        assertTrue(e.getMessage().contains("no checkpoint here"), e.getMessage());
    }

    @Test
    void safetensorsRoundTripAndHalfPrecision(@TempDir Path d) throws Exception {
        Path f = d.resolve("x.safetensors");
        SafeTensors.write(f, weights(0.5f), Map.of("k", "v"));
        Map<String, SafeTensors.Tensor> back = SafeTensors.read(f);
        assertArrayEquals(new long[] {2, 3}, back.get("a").shape());
        assertArrayEquals(weights(0.5f).get("a").data(), back.get("a").data());
        assertEquals(1.0f, SafeTensors.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, SafeTensors.halfToFloat((short) 0xc000));
        assertEquals(65504f, SafeTensors.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, SafeTensors.halfToFloat((short) 0x0001));
    }
}
