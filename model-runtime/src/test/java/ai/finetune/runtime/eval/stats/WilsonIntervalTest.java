package ai.finetune.runtime.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {
    private static final double EPS = 1e-9;

    /*
     * By hand, z = 1.959963984540054, z^2 = 3.841458820694124.
     * 8 of 10: p = 0.8, 1 + z^2/n = 1.3841458820694124
     *   centre = (0.8 + 3.8414588/20) / 1.3841459 = 0.9920729 / 1.3841459 = 0.7167402
     *   half   = 1.9599640 / 1.3841459 * sqrt(0.8*0.2/10 + 3.8414588/400) = 1.4160110 * 0.1600113 = 0.2265777
     *   -> [0.4901625, 0.9433178] (the textbook 0.490 to 0.943)
     * 0 of 10: centre = 0.1920729 / 1.3841459 = 0.1387664, half = 1.4160110 * sqrt(0.0096036) = 0.1387664
     *   -> [0, 0.2775328]
     */
    @Test
    void matchesHandComputedIntervals() {
        Interval eight = WilsonInterval.of(8, 10);
        assertEquals(0.4901624715366418, eight.low(), EPS);
        assertEquals(0.9433178485456248, eight.high(), EPS);
        Interval zero = WilsonInterval.of(0, 10);
        assertEquals(0.0, zero.low(), EPS);
        assertEquals(0.2775327998628892, zero.high(), EPS);
        // symmetric: 10 of 10 mirrors 0 of 10
        Interval ten = WilsonInterval.of(10, 10);
        assertEquals(1 - 0.2775327998628892, ten.low(), EPS);
        assertEquals(1.0, ten.high(), EPS);
    }

    /*
     * Ties count half: 5 wins, 2 ties, 3 losses -> score 6 of 10, p = 0.6
     *   centre = (0.6 + 0.1920729) / 1.3841459 = 0.5722448
     *   half   = 1.4160110 * sqrt(0.024 + 0.0096036) = 1.4160110 * 0.1833128 = 0.2595730
     *   -> [0.3126738, 0.8318197]
     * 55.5 of 100 (fractional score): p = 0.555 -> [0.4573588, 0.6485719]
     */
    @Test
    void fractionalScoresFromTies() {
        Interval six = WilsonInterval.of(6, 10);
        assertEquals(0.31267376973365824, six.low(), EPS);
        assertEquals(0.8318196702937638, six.high(), EPS);
        Interval half = WilsonInterval.of(55.5, 100);
        assertEquals(0.4573588254505885, half.low(), EPS);
        assertEquals(0.6485718897466433, half.high(), EPS);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(11, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 10));
    }
}
