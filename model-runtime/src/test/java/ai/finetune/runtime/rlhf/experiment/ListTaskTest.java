package ai.finetune.runtime.rlhf.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ListTaskTest {
    final ListTask task = new ListTask();

    @Test
    void hiddenRuleByHand() {
        String p = "Write a list of 3 even numbers.";
        assertEquals(2.0, task.score(p, "[2, 4, 6]"), 1e-12);
        assertEquals(2.0 / 3 + 1, task.score(p, " [2, 5, 6]"), 1e-12); // one odd item
        assertEquals(1 + (1 - 1.0 / 3), task.score(p, "[2, 4]"), 1e-12); // one item short
        assertEquals(-1, task.score(p, "2, 4, 6"), 1e-12); // not a list
        assertEquals(-1, task.score(p, "[2, x, 6]"), 1e-12);
        assertEquals(-1, task.score(p, "[2, 4, 6] and more"), 1e-12);
        assertEquals(2.0, task.score("Give me 2 odd numbers as a list.", "[1, 19]"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> task.score("Write a poem.", "[1]"));
        assertEquals(48, ListTask.allPrompts().size());
    }

    @Test
    void demonstrationsAreSloppyButWellFormed() {
        Random r = new Random(1);
        int perfect = 0;
        for (int i = 0; i < 400; i++) {
            String p = ListTask.allPrompts().get(i % 48);
            double u = task.score(p, ListTask.demonstration(p, r));
            assertTrue(u >= 0, "malformed demonstration");
            perfect += u == 2.0 ? 1 : 0;
        }
        assertTrue(perfect > 40 && perfect < 200, "perfect demonstrations: " + perfect);
    }

    @Test
    void labelerRanksByUtilityWithoutNoiseAndCalibratesAgreement() {
        SimulatedLabeler exact = new SimulatedLabeler(0);
        int[][] g = exact.rank(new double[] {0.5, 2.0, 0.5, 1.0}, new Random(0));
        assertEquals(3, g.length); // 0 and 2 tie
        assertArrayEquals(new int[] {1}, g[0]);
        assertArrayEquals(new int[] {3}, g[1]);
        List<double[]> pairs = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            pairs.add(new double[] {2 * r.nextDouble(), 2 * r.nextDouble()});
        }
        double sigma = SimulatedLabeler.calibrate(pairs, 0.726, 5);
        assertEquals(0.726, SimulatedLabeler.agreement(pairs, sigma, 200, 9), 0.01);
    }
}
