package ai.finetune.runtime.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.testing.ByteTokenizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerTest {
    static final ByteTokenizer TOK = new ByteTokenizer();
    static final GptConfig CFG = new GptConfig(TOK.vocabSize(), 64, 2, 2, 32, 0.0, GptConfig.GELU);

    @Test
    void kvCacheGivesTheSameGreedyTokensAsFullPasses() {
        try (GptModel model = GptModel.create(CFG, Device.cpu(), 11)) {
            Sampler s = new Sampler(model, TOK);
            SamplingConfig greedy = new SamplingConfig(40, 0, 1, 0, List.of(), 2, 0, true);
            List<Completion> cached = s.sample("def f(x):", greedy);
            List<Completion> full = s.sample("def f(x):", greedy.withKvCache(false));
            assertEquals(40, cached.get(0).tokens().length + (cached.get(0).finishReason().equals("length") ? 0 : 0));
            assertArrayEquals(full.get(0).tokens(), cached.get(0).tokens());
            assertArrayEquals(full.get(1).tokens(), cached.get(1).tokens());
            assertArrayEquals(full.get(0).logProbs(), cached.get(0).logProbs(), 1e-4f);
        }
    }

    @Test
    void seedMakesSamplesReproducibleAndBatchRowsDiffer() {
        try (GptModel model = GptModel.create(CFG, Device.cpu(), 12)) {
            Sampler s = new Sampler(model, TOK);
            SamplingConfig c = new SamplingConfig(20, 1.0, 1.0, 0, List.of(), 4, 7, true);
            List<Completion> a = s.sample("x = ", c);
            List<Completion> b = s.sample("x = ", c);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(a.get(i).tokens(), b.get(i).tokens());
            }
            assertFalse(java.util.Arrays.equals(a.get(0).tokens(), a.get(1).tokens())
                    && java.util.Arrays.equals(a.get(1).tokens(), a.get(2).tokens()));
            Completion first = a.get(0);
            double mean = 0;
            for (float lp : first.logProbs()) {
                assertTrue(lp <= 0);
                mean += lp;
            }
            assertEquals(mean / first.logProbs().length, first.meanLogProb(), 1e-6);
        }
    }

    @Test
    void topKOneIsGreedyAndTopPKeepsTheNucleus() {
        float[] logits = {1f, 3f, 2f, 0f};
        Random r = new Random(1);
        SamplingConfig k1 = new SamplingConfig(1, 1.0, 1.0, 1, List.of(), 1, 0, true);
        for (int i = 0; i < 20; i++) {
            assertEquals(1, Sampler.choose(logits, k1, r));
        }
        // probabilities ~ .09 .67 .24 .03: top-p 0.8 keeps tokens 1 and 2 only
        SamplingConfig p = new SamplingConfig(1, 1.0, 0.8, 0, List.of(), 1, 0, true);
        boolean saw2 = false;
        for (int i = 0; i < 200; i++) {
            int t = Sampler.choose(logits, p, r);
            assertTrue(t == 1 || t == 2, "token " + t);
            saw2 |= t == 2;
        }
        assertTrue(saw2);
        assertEquals(Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(3) + Math.exp(2) + 1)),
                Sampler.logSoftmaxAt(logits, 1), 1e-6);
    }

    @Test
    void stopSequencesCutTheText() {
        // with a stop sequence of one frequent byte, sampling stops and the text ends before it
        try (GptModel model = GptModel.create(CFG, Device.cpu(), 13)) {
            Sampler s = new Sampler(model, TOK);
            SamplingConfig free = new SamplingConfig(30, 1.0, 1.0, 0, List.of(), 1, 3, true);
            Completion c = s.sample("abc", free).get(0);
            String text = c.text();
            assertTrue(text.length() > 3, text);
            String stop = text.substring(2, 3);
            Completion cut = s.sample("abc", free.withStopSequences(List.of(stop))).get(0);
            assertEquals("stop", cut.finishReason());
            assertFalse(cut.text().contains(stop));
            assertTrue(text.startsWith(cut.text()));
            assertNotEquals(text, cut.text());
            assertEquals(cut.tokens().length, cut.logProbs().length);
        }
    }
}
