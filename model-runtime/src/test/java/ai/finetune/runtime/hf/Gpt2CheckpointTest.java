package ai.finetune.runtime.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.nn.GptModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPT-2 import/export against an independent numpy forward pass (src/test/python/gpt2_reference.py): the script
 * writes a random GPT-2-shaped checkpoint in the original upload's layout, and computes reference logits.
 */
class Gpt2CheckpointTest {
    static final Path SCRIPT = Path.of("src/test/python/gpt2_reference.py");
    static final long[][] IDS = {{0, 5, 17, 59, 3, 3, 42, 8, 1, 30, 11}, {7, 7, 7, 1, 2, 58, 13, 21, 40, 9, 4}};

    @BeforeAll
    static void needsNumpy() throws Exception {
        Assumptions.assumeTrue(python("-c", "import numpy") == 0, "python3 with numpy is needed for this test");
        Devices.setGradMode(false);
    }

    static int python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    static float[] referenceLogits(Path dir, Path work) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path ids = work.resolve("ids.json");
        Path out = work.resolve("logits.json");
        json.writeValue(ids.toFile(), IDS);
        assertEquals(0, python(SCRIPT.toString(), "forward", dir.toString(), ids.toString(), out.toString()));
        JsonNode n = json.readTree(out.toFile());
        List<Float> flat = new ArrayList<>();
        n.forEach(b -> b.forEach(t -> t.forEach(v -> flat.add((float) v.asDouble()))));
        float[] a = new float[flat.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = flat.get(i);
        }
        return a;
    }

    static float[] javaLogits(GptModel model) {
        try (NDManager m = NDManager.newBaseManager()) {
            return model.forward(GptModel.ids(m, IDS), false).toFloatArray();
        }
    }

    static float maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void importedLogitsMatchTheNumpyReferenceAndExportRoundTrips(@TempDir Path work) throws Exception {
        Path hf = work.resolve("gpt2-tiny");
        Files.createDirectories(hf);
        // vocab 60, context 16, width 32, 2 layers, 4 heads
        assertEquals(0, python(SCRIPT.toString(), "make", hf.toString(), "7", "60", "16", "32", "2", "4"));
        Gpt2Checkpoint.Imported imp = Gpt2Checkpoint.read(hf);
        assertEquals(new GptConfig(60, 16, 2, 4, 32, 0.0, GptConfig.GELU_TANH), imp.config());
        float[] reference = referenceLogits(hf, work);
        float[] ours;
        try (GptModel model = GptModel.fromTensors(imp.config(), Device.cpu(), imp.tensors())) {
            ours = javaLogits(model);
            float diff = maxAbsDiff(reference, ours);
            System.err.println("GPT-2 import: max |logit difference| vs numpy reference = " + diff);
            assertTrue(diff < 1e-4, "max logit difference " + diff);

            // export in GPT-2 layout (transformer.* names, Conv1D transposed) and check with the reference again
            Path exported = work.resolve("exported");
            Gpt2Checkpoint.write(exported, model.config(), model.toTensors(), 0);
            float exportDiff = maxAbsDiff(referenceLogits(exported, work), ours);
            assertTrue(exportDiff < 1e-4, "exported checkpoint: max logit difference " + exportDiff);
            Gpt2Checkpoint.Imported again = Gpt2Checkpoint.read(exported);
            assertArrayEquals(imp.tensors().get("h.1.mlp.c_fc.weight").data(),
                    again.tensors().get("h.1.mlp.c_fc.weight").data());
        }
    }

    @Test
    void wrongShapesAreNamed(@TempDir Path work) throws Exception {
        Path hf = work.resolve("bad");
        Files.createDirectories(hf);
        assertEquals(0, python(SCRIPT.toString(), "make", hf.toString(), "7", "60", "16", "32", "2", "4"));
        // config.json says 61 tokens, the weights hold 60 rows
        Files.writeString(hf.resolve("config.json"), "{\"model_type\": \"gpt2\", \"vocab_size\": 61, "
                + "\"n_positions\": 16, \"n_embd\": 32, \"n_layer\": 2, \"n_head\": 4, \"n_inner\": null}");
        IOException e = assertThrows(IOException.class, () -> Gpt2Checkpoint.read(hf));
        assertTrue(e.getMessage().contains("wte"), e.getMessage());
    }
}
