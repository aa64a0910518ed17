package ai.finetune.runtime.rlhf.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpoLossesTest {
    @Test
    void perTokenKlPenaltyAndScoreAtTheEnd() {
        // r_t = -0.1 * (logp - ref): -0.1 * 0.5, -0.1 * -0.5, 0; the score 2 lands on the last action
        double[] r = PpoLosses.tokenRewards(new float[] {-1f, -2f, -0.5f}, new float[] {-1.5f, -1.5f, -0.5f}, 2.0, 0.1);
        assertArrayEquals(new double[] {-0.05, 0.05, 2.0}, r, 1e-7);
    }

    @Test
    void gaeByHand() {
        // gamma 1, lambda 0.95, V beyond the end = 0
        // t=2: delta = 1 - 0.4 = 0.6; A = 0.6
        // t=1: delta = 0 + 0.4 - 0.2 = 0.2; A = 0.2 + 0.95 * 0.6 = 0.77
        // t=0: delta = 0 + 0.2 - 0.5 = -0.3; A = -0.3 + 0.95 * 0.77 = 0.4315
        double[][] g = PpoLosses.gae(new double[] {0, 0, 1}, new double[] {0.5, 0.2, 0.4}, 1.0, 0.95);
        assertArrayEquals(new double[] {0.4315, 0.77, 0.6}, g[0], 1e-12);
        assertArrayEquals(new double[] {0.9315, 0.97, 1.0}, g[1], 1e-12);
        // gamma 0.5, lambda 0: one-step TD. t=0: 0 + 0.5 * 0.2 - 0.5 = -0.4
        double[][] td = PpoLosses.gae(new double[] {0, 0, 1}, new double[] {0.5, 0.2, 0.4}, 0.5, 0.0);
        assertArrayEquals(new double[] {-0.4, 0.0, 0.6}, td[0], 1e-12);
    }

    @Test
    void whitenOverTheBatch() {
        double[] a = {1, 2};
        double[] b = {3};
        PpoLosses.whiten(List.of(a, b)); // mean 2, sample std 1
        assertArrayEquals(new double[] {-1, 0}, a, 1e-7);
        assertArrayEquals(new double[] {1}, b, 1e-7);
    }

    @Test
    void clippedPolicyLossByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(1, 3);
            // ratios 1.5 and 0.9 on the two actions; the third position is padding (mask 0)
            NDArray old = m.create(new float[] {-1f, -1f, -1f}, s);
            NDArray logp = m.create(new float[] {(float) (-1 + Math.log(1.5)), (float) (-1 + Math.log(0.9)), 3f}, s);
            NDArray adv = m.create(new float[] {1f, -1f, 5f}, s);
            NDArray mask = m.create(new float[] {1f, 1f, 0f}, s);
            PpoLosses.PolicyTerms t = PpoLosses.policyLoss(logp, old, adv, mask, 0.2);
            // action 0: max(-1 * 1.5, -1 * 1.2) = -1.2 (clipped); action 1: max(0.9, 0.9) = 0.9 (not clipped)
            assertEquals((-1.2 + 0.9) / 2, t.loss().getFloat(), 1e-6);
            assertEquals(0.5, t.clipFraction().getFloat(), 1e-7);
            // 0.5 * mean(ln(1.5)^2, ln(0.9)^2)
            assertEquals(0.0438757, t.approxKl().getFloat(), 1e-6);
        }
    }

    @Test
    void clippedValueLossByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape s = new Shape(1, 3);
            NDArray v = m.create(new float[] {1.0f, 0.0f, 9f}, s);
            NDArray old = m.create(new float[] {0.5f, 0.1f, 0f}, s);
            NDArray ret = m.create(new float[] {2.0f, -1.0f, 0f}, s);
            NDArray mask = m.create(new float[] {1f, 1f, 0f}, s);
            // pos 0: clipped value 0.5 + 0.2 = 0.7; max((1-2)^2, (0.7-2)^2) = 1.69
            // pos 1: clipped value 0.1 - 0.1 = 0.0; max(1, 1) = 1
            assertEquals(0.5 * (1.69 + 1.0) / 2, PpoLosses.valueLoss(v, old, ret, mask, 0.2).getFloat(), 1e-6);
        }
    }

    @Test
    void adaptiveKlControllerMovesTowardTarget() {
        KlController c = new KlController(0.02, 6.0, 10000);
        c.update(12.0, 1000); // error clipped to 0.2: beta *= 1 + 0.2 * 0.1
        assertEquals(0.02 * 1.02, c.beta(), 1e-15);
        c.update(3.0, 1000); // error -0.5 -> -0.2
        assertEquals(0.02 * 1.02 * 0.98, c.beta(), 1e-15);
        KlController fixed = new KlController(0.02, 0, 10000);
        fixed.update(100, 1000);
        assertEquals(0.02, fixed.beta());
    }
}
