package ai.finetune.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.config.TrainConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.testing.ByteTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final ByteTokenizer TOK = new ByteTokenizer();
    // dropout > 0 so the resume test also covers the engine's random generator
    static final GptConfig MODEL = new GptConfig(TOK.vocabSize(), 32, 2, 2, 32, 0.1, GptConfig.GELU);

    static TrainConfig config(int maxSteps, int checkpointInterval) {
        return new TrainConfig(3e-3, 0.1, 2, maxSteps, 4, 2, 16, 0.1, 0.9, 0.95, 1e-8, 1.0, 3, 2,
                checkpointInterval, 42);
    }

    /** Windows of 17 tokens over a repetitive text: a pattern a tiny model learns in a few steps. */
    static Examples examples(String text) {
        int[] ids = TOK.encode(text);
        List<Example> list = new ArrayList<>();
        for (int s = 0; s + 17 <= ids.length; s += 16) {
            float[] w = new float[16];
            java.util.Arrays.fill(w, 1f);
            list.add(new Example(java.util.Arrays.copyOfRange(ids, s, s + 17), w));
        }
        return Examples.of(list);
    }

    static final String TEXT = "def add(a, b):\n    return a + b\n\n".repeat(40);

    @Test
    void lossFallsAndMetricsAreWritten(@TempDir Path out) throws Exception {
        TrainConfig cfg = config(20, 0);
        Checkpoint.Meta meta = new Checkpoint.Meta("pretrain", MODEL, cfg, Map.of());
        try (GptModel model = GptModel.create(MODEL, Device.cpu(), cfg.seed())) {
            Trainer t = new Trainer(model, cfg, meta, examples(TEXT), examples(TEXT.substring(0, 400)),
                    TOK.endOfTextId(), TOK, out, null, null);
            Trainer.Result r = t.run(null);
            t.close();
            List<JsonNode> lines = metrics(out);
            assertEquals(20, lines.size());
            double first = lines.get(0).get("loss").asDouble();
            assertTrue(r.loss() < first * 0.75, "loss " + first + " -> " + r.loss());
            assertTrue(lines.get(2).has("val_loss") && lines.get(19).has("val_loss"));
            assertTrue(lines.get(5).get("tokens_per_s").asDouble() > 0);
            assertNotNull(Checkpoint.resolve(out));
        }
    }

    @Test
    void resumedRunMatchesUninterruptedRun(@TempDir Path dir) throws Exception {
        TrainConfig cfg = config(8, 0);
        Checkpoint.Meta meta = new Checkpoint.Meta("pretrain", MODEL, cfg, Map.of());
        Path a = dir.resolve("a");
        try (GptModel model = GptModel.create(MODEL, Device.cpu(), cfg.seed())) {
            Trainer t = new Trainer(model, cfg, meta, examples(TEXT), null, TOK.endOfTextId(), TOK, a, null, null);
            t.run(null);
            t.close();
        }
        // run b stops after 3 steps (as on SIGTERM), then a new model resumes from the checkpoint
        Path b = dir.resolve("b");
        try (GptModel model = GptModel.create(MODEL, Device.cpu(), cfg.seed())) {
            Trainer[] holder = new Trainer[1];
            holder[0] = new Trainer(model, cfg, meta, examples(TEXT), null, TOK.endOfTextId(), TOK, b, null, null);
            Trainer.Result r = holder[0].run(new StopSignal(b) {
                @Override
                public boolean requested() {
                    return holder[0].step() >= 3;
                }
            });
            holder[0].close();
            assertTrue(r.stopped());
            assertEquals(3, r.step());
        }
        Checkpoint.Loaded cp = Checkpoint.load(b);
        assertEquals(3, cp.state().step());
        try (GptModel model = GptModel.fromTensors(cp.meta().model(), Device.cpu(), cp.weights())) {
            Trainer t = new Trainer(model, cp.meta().training(), cp.meta(), examples(TEXT), null, TOK.endOfTextId(),
                    TOK, b, cp.state(), cp.optimizer());
            t.run(null);
            t.close();
        }
        List<JsonNode> la = metrics(a);
        List<JsonNode> lb = metrics(b);
        assertEquals(8, la.size());
        assertEquals(8, lb.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(la.get(i).get("loss").asDouble(), lb.get(i).get("loss").asDouble(), 1e-5,
                    "loss at step " + (i + 1));
        }
    }

    @Test
    void stopFileCheckpointsAndIsConsumed(@TempDir Path out) throws Exception {
        TrainConfig cfg = config(50, 0);
        Files.createDirectories(out);
        Files.writeString(out.resolve(StopSignal.STOP_FILE), "");
        try (GptModel model = GptModel.create(MODEL, Device.cpu(), cfg.seed())) {
            Trainer t = new Trainer(model, cfg, new Checkpoint.Meta("pretrain", MODEL, cfg, Map.of()), examples(TEXT),
                    null, TOK.endOfTextId(), TOK, out, null, null);
            Trainer.Result r = t.run(new StopSignal(out));
            t.close();
            assertTrue(r.stopped());
            assertEquals(0, r.step());
            assertTrue(Files.notExists(out.resolve(StopSignal.STOP_FILE)));
            assertEquals(0, Checkpoint.load(out).state().step());
        }
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
