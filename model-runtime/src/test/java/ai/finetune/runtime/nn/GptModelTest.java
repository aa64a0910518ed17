package ai.finetune.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.finetune.runtime.device.Devices;
import ai.finetune.runtime.config.GptConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GptModelTest {
    static final GptConfig TINY = new GptConfig(50, 16, 2, 2, 32, 0.0, GptConfig.GELU);

    @BeforeAll
    static void noGrad() {
        Devices.setGradMode(false);
    }

    @Test
    void logitsHaveShapeAndParameterCountMatchesConfig() {
        try (GptModel model = GptModel.create(TINY, Device.cpu(), 1); NDManager m = NDManager.newBaseManager()) {
            NDArray logits = model.forward(GptModel.ids(m, new long[][] {{1, 2, 3}, {4, 5, 6}}), false);
            assertEquals(new ai.djl.ndarray.types.Shape(2, 3, 50), logits.getShape());
            long count = model.parameters().values().stream().mapToLong(NDArray::size).sum();
            assertEquals(TINY.parameterCount(), count);
        }
    }

    @Test
    void positionsOnlySeeThePast() {
        // changing the last token must not change the logits of earlier positions (causal mask)
        try (GptModel model = GptModel.create(TINY, Device.cpu(), 2); NDManager m = NDManager.newBaseManager()) {
            float[] a = model.forward(GptModel.ids(m, new long[][] {{7, 8, 9, 10}}), false)
                    .get(new NDIndex(":, :3")).toFloatArray();
            NDArray lb = model.forward(GptModel.ids(m, new long[][] {{7, 8, 9, 33}}), false);
            assertArrayEquals(a, lb.get(new NDIndex(":, :3")).toFloatArray(), 1e-6f);
            float[] lastA = model.forward(GptModel.ids(m, new long[][] {{7, 8, 9, 10}}), false)
                    .get(new NDIndex(":, 3")).toFloatArray();
            float[] lastB = lb.get(new NDIndex(":, 3")).toFloatArray();
            assertTrue(!java.util.Arrays.equals(lastA, lastB), "the last position must see its own token");
        }
    }

    @Test
    void kvCacheGivesTheFullPassLogits() {
        GptConfig cfg = new GptConfig(50, 16, 2, 2, 32, 0.0, GptConfig.GELU_TANH);
        try (GptModel model = GptModel.create(cfg, Device.cpu(), 3); NDManager m = NDManager.newBaseManager();
             KvCache cache = new KvCache(cfg.layers())) {
            long[] seq = {3, 14, 15, 9, 26, 5, 35};
            float[] full = model.forward(GptModel.ids(m, new long[][] {seq}), false).toFloatArray();
            // prefill 4 tokens, then one token at a time
            NDArray first = model.logits(model.hidden(GptModel.ids(m, new long[][] {{3, 14, 15, 9}}), cache, false));
            float[] cached = new float[full.length];
            System.arraycopy(first.toFloatArray(), 0, cached, 0, 4 * 50);
            for (int i = 4; i < seq.length; i++) {
                NDArray step = model.logits(model.hidden(GptModel.ids(m, new long[][] {{seq[i]}}), cache, false));
                System.arraycopy(step.toFloatArray(), 0, cached, i * 50, 50);
            }
            assertEquals(seq.length, cache.length());
            assertArrayEquals(full, cached, 1e-5f);
        }
    }

    @Test
    void tokenLogProbsAreLogSoftmaxOfTheNextToken() {
        try (GptModel model = GptModel.create(TINY, Device.cpu(), 4); NDManager m = NDManager.newBaseManager()) {
            NDArray ids = GptModel.ids(m, new long[][] {{1, 2, 3, 4}});
            float[] lp = model.tokenLogProbs(ids, false).toFloatArray();
            assertEquals(3, lp.length);
            NDArray logp = model.forward(GptModel.ids(m, new long[][] {{1, 2, 3}}), false).logSoftmax(-1);
            assertEquals(logp.getFloat(0, 0, 2), lp[0], 1e-6);
            assertEquals(logp.getFloat(0, 2, 4), lp[2], 1e-6);
            for (float v : lp) {
                assertTrue(v < 0);
            }
        }
    }

    @Test
    void valueHeadGivesOneScalarPerPosition() {
        try (GptModel model = GptModel.create(TINY, Device.cpu(), 5); ValueHead head = ValueHead.create(TINY, Device.cpu(), 6);
             NDManager m = NDManager.newBaseManager()) {
            NDArray v = head.forward(model.hidden(GptModel.ids(m, new long[][] {{1, 2, 3}, {4, 5, 6}}), null, false));
            assertEquals(new ai.djl.ndarray.types.Shape(2, 3), v.getShape());
        }
    }

    @Test
    void sequenceLongerThanContextIsRejected() {
        try (GptModel model = GptModel.create(TINY, Device.cpu(), 1); NDManager m = NDManager.newBaseManager()) {
            long[] tooLong = new long[17];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.forward(GptModel.ids(m, new long[][] {tooLong}), false));
            assertTrue(e.getMessage().contains("context of 16"), e.getMessage());
        }
    }

    @Test
    void growingTheVocabularyKeepsOldRows() {
        try (GptModel model = GptModel.create(TINY, Device.cpu(), 1); GptModel grown = model.withVocabSize(60, 9)) {
            assertEquals(60, grown.config().vocabSize());
            float[] old = model.parameters().get("wte").toFloatArray();
            float[] now = grown.parameters().get("wte").toFloatArray();
            assertArrayEquals(old, java.util.Arrays.copyOf(now, old.length));
            assertArrayEquals(model.parameters().get("ln_f.weight").toFloatArray(),
                    grown.parameters().get("ln_f.weight").toFloatArray());
        }
    }
}
