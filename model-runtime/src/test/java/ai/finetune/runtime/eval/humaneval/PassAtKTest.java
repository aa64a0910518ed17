package ai.finetune.runtime.eval.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {

    /** 1 - C(n-c, k) / C(n, k) with exact integers: the definition the stable product form must agree with. */
    private static double exact(int n, int c, int k) {
        BigInteger num = binomial(n - c, k);
        BigInteger den = binomial(n, k);
        return BigDecimal.ONE.subtract(new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128)).doubleValue();
    }

    private static BigInteger binomial(int n, int k) {
        if (k > n) {
            return BigInteger.ZERO;
        }
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return r;
    }

    @Test
    void matchesTheBinomialDefinitionIncludingThePapersN200() {
        int[][] cases = {{10, 3, 1}, {10, 3, 5}, {10, 0, 10}, {200, 1, 100}, {200, 57, 1}, {200, 57, 10}, {200, 199, 100},
            {200, 0, 1}, {1, 1, 1}, {1, 0, 1}};
        for (int[] t : cases) {
            assertEquals(exact(t[0], t[1], t[2]), PassAtK.estimate(t[0], t[1], t[2]), 1e-12,
                    "n=" + t[0] + " c=" + t[1] + " k=" + t[2]);
        }
    }

    @Test
    void passAtOneIsTheFractionCorrectAndFewFailuresGiveOne() {
        assertEquals(0.3, PassAtK.estimate(10, 3, 1), 1e-15);
        assertEquals(1.0, PassAtK.estimate(10, 8, 5)); // n - c < k: some k-subset always contains a pass
        assertEquals(0.0, PassAtK.estimate(10, 0, 5));
    }

    @Test
    void rejectsKAboveN() {
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(5, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(5, 6, 1));
    }

    @Test
    void reportAveragesTasksAndSkipsKAboveTheSmallestN() {
        PassAtKReport r = PassAtKReport.of(List.of("a", "a", "b", "b", "b"), List.of(true, false, false, false, true),
                List.of(1, 2, 3));
        assertEquals((0.5 + 1.0 / 3) / 2, r.overall().get("pass@1"), 1e-15);
        assertEquals((1.0 + PassAtK.estimate(3, 1, 2)) / 2, r.overall().get("pass@2"), 1e-15);
        assertEquals(List.of(3), r.skippedK());
        assertEquals(2, r.tasks().size());
        assertEquals(1.0, r.tasks().get(1).passAtK().get("pass@3"));
    }
}
