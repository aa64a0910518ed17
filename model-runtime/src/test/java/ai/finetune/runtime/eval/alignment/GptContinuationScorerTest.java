package ai.finetune.runtime.eval.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.finetune.runtime.checkpoint.Checkpoint;
import ai.finetune.runtime.config.GptConfig;
import ai.finetune.runtime.nn.GptModel;
import ai.finetune.runtime.testing.ByteTokenizer;
import ai.finetune.runtime.tokenizer.BpeTokenizer;
import ai.finetune.runtime.tokenizer.BpeTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPT scorer on a tiny random model (2 layers, 32 wide) with one token per byte. */
class GptContinuationScorerTest {
    static final ByteTokenizer TOK = new ByteTokenizer();
    static final GptConfig CFG = new GptConfig(TOK.vocabSize(), 24, 2, 2, 32, 0.0, GptConfig.GELU);

    /** log p(ids[t] | ids[..t-1]) for t = from..end, from one full forward pass, log-softmax in double. */
    static double[] reference(GptModel model, long[] ids, int from) {
        try (NDManager m = model.manager().newSubManager()) {
            float[] logits = model.forward(GptModel.ids(m, new long[][] {ids}), false).toFloatArray(); // (1, T, V)
            int v = model.config().vocabSize();
            double[] out = new double[ids.length - from];
            for (int t = from; t < ids.length; t++) {
                int row = (t - 1) * v;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    max = Math.max(max, logits[row + k]);
                }
                double sum = 0;
                for (int k = 0; k < v; k++) {
                    sum += Math.exp(logits[row + k] - max);
                }
                out[t - from] = logits[row + (int) ids[t]] - max - Math.log(sum);
            }
            return out;
        }
    }

    static long[] concat(int eot, String context, String continuation) {
        byte[] c = context.getBytes();
        byte[] d = continuation.getBytes();
        long[] ids = new long[1 + c.length + d.length];
        ids[0] = eot;
        for (int i = 0; i < c.length; i++) {
            ids[1 + i] = c[i] & 0xff;
        }
        for (int i = 0; i < d.length; i++) {
            ids[1 + c.length + i] = d[i] & 0xff;
        }
        return ids;
    }

    @Test
    void logProbsMatchAFullForwardPassAndBatchingChangesNothing() {
        try (GptModel model = GptModel.create(CFG, Device.cpu(), 3)) {
            GptContinuationScorer scorer = new GptContinuationScorer(model, TOK);
            String context = "Q: Why?\nA:";
            List<String> answers = List.of(" no", " because", " x");
            List<double[]> batched = scorer.tokenLogProbs(context, answers);
            for (int i = 0; i < answers.size(); i++) {
                String a = answers.get(i);
                double[] expected = reference(model, concat(TOK.endOfTextId(), context, a), 1 + context.length());
                assertEquals(a.length(), batched.get(i).length);
                assertArrayEquals(expected, batched.get(i), 1e-4, a);
                assertArrayEquals(scorer.tokenLogProbs(context, a), batched.get(i), 1e-5, a);
                for (double lp : batched.get(i)) {
                    assertTrue(lp <= 0);
                }
            }
        }
    }

    @Test
    void longContextsAreCutFromTheLeft() {
        try (GptModel model = GptModel.create(CFG, Device.cpu(), 4)) {
            GptContinuationScorer scorer = new GptContinuationScorer(model, TOK);
            String context = "abcdefghijklmnopqrstuvwxyz0123456789"; // 36 bytes, window 24
            String answer = " yes";
            double[] got = scorer.tokenLogProbs(context, answer);
            // the window keeps the last 24 - 4 = 20 context bytes and no end-of-text
            String kept = context.substring(context.length() - 20);
            long[] ids = concat(TOK.endOfTextId(), kept, answer);
            long[] withoutEot = java.util.Arrays.copyOfRange(ids, 1, ids.length);
            assertArrayEquals(reference(model, withoutEot, 20), got, 1e-4);
            assertThrows(IllegalArgumentException.class, () -> scorer.tokenLogProbs("q", "x".repeat(24)));
        }
    }

    @Test
    void opensACheckpointFolderAndPicksAnAnswer(@TempDir Path dir) throws Exception {
        BpeTrainer trainer = new BpeTrainer(300, 1);
        trainer.feed("the quick brown fox jumps over the lazy dog. Q: what? A: yes, no, maybe.");
        BpeTokenizer tokenizer = trainer.train();
        GptConfig cfg = new GptConfig(tokenizer.vocabSize(), 32, 2, 2, 32, 0.0, GptConfig.GELU);
        Path modelDir = dir.resolve("tiny");
        double[] expected;
        try (GptModel model = GptModel.create(cfg, Device.cpu(), 5)) {
            Checkpoint.saveModel(modelDir, new Checkpoint.Meta("pretrain", cfg, null, Map.of()), model.toTensors(),
                    tokenizer);
            expected = new GptContinuationScorer(model, tokenizer).tokenLogProbs("Q: what?\nA:", " yes");
        }
        try (GptContinuationScorer scorer = GptContinuationScorer.open(modelDir, "cpu")) {
            assertArrayEquals(expected, scorer.tokenLogProbs("Q: what?\nA:", " yes"), 1e-6);
            MultipleChoice.Pick pick = MultipleChoice.pick(scorer, "Q: what?\nA:", List.of(" yes", " no", " maybe"));
            assertEquals(3, pick.averageNll().size());
        }
    }
}
