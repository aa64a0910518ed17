package ai.finetune.runtime.rlhf.reward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardLossTest {
    static final float[] R = {2.0f, 0.5f, -0.3f, -1.0f};

    static float loss(float[] scores, List<int[]> pairs, float weight) {
        try (NDManager m = NDManager.newBaseManager()) {
            int[] w = pairs.stream().mapToInt(p -> p[0]).toArray();
            int[] l = pairs.stream().mapToInt(p -> p[1]).toArray();
            float[] wt = new float[w.length];
            java.util.Arrays.fill(wt, weight);
            NDArray s = m.create(scores);
            return RewardLoss.pairwise(s, w, l, wt).getFloat();
        }
    }

    @Test
    void fourWayRankingMatchesHandComputation() {
        Comparison c = new Comparison("p", List.of("a", "b", "c", "d"), new int[][] {{0}, {1}, {2}, {3}});
        List<int[]> pairs = c.pairs();
        assertEquals(6, pairs.size()); // C(4, 2)
        // -1/6 * sum over i<j of log sigmoid(r_i - r_j), differences 1.5, 2.3, 3.0, 0.8, 1.5, 0.7:
        // softplus(-d) = 0.20141, 0.09554, 0.04859, 0.37110, 0.20141, 0.40318; sum 1.32123; / 6 = 0.220208
        assertEquals(0.2202077, loss(R, pairs, 1f / 6), 1e-6);
    }

    @Test
    void tiesFormNoPair() {
        Comparison c = new Comparison("p", List.of("a", "b", "c", "d"), new int[][] {{0}, {1, 2}, {3}});
        List<int[]> pairs = c.pairs();
        assertEquals(5, pairs.size()); // (0,1) (0,2) (0,3) (1,3) (2,3); 1 and 2 tied
        assertArrayEquals(new int[] {1, 3}, pairs.get(3));
        assertEquals(0.1900291, loss(R, pairs, 1f / 5), 1e-6);
    }

    @Test
    void rankingMustNameEveryResponseOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> new Comparison("p", List.of("a", "b", "c"), new int[][] {{0}, {1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Comparison("p", List.of("a", "b"), new int[][] {{0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Comparison("p", List.of("a", "b"), new int[][] {{0}, {0}}));
    }
}
