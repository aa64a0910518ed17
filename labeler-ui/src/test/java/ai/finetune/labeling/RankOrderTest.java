package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankOrderTest {

    @Test
    void strictRankingOfKGivesAllKChooseTwoPairs() {
        for (int k = 4; k <= 9; k++) {
            StringBuilder s = new StringBuilder();
            for (int i = 1; i <= k; i++) {
                s.append(i == 1 ? "" : ">").append(i);
            }
            assertEquals(k * (k - 1) / 2, RankOrder.parse(s.toString()).pairs().size(), "K=" + k);
        }
    }

    @Test
    void tiesGiveNoPairAndShareARank() {
        RankOrder o = RankOrder.parse("12>14=15>13");
        assertEquals(Map.of(12L, 1, 14L, 2, 15L, 2, 13L, 3), o.ranks());
        // 6 pairs of 4 outputs, less the one tied pair
        assertEquals(5, o.pairs().size());
        assertTrue(o.pairs().contains(new RankOrder.Pair(12, 13)));
        assertEquals("12>14=15>13", o.toString());
        assertEquals(o, RankOrder.fromRanks(o.ranks()));
    }

    @Test
    void badOrdersAreRefusedWithTheReason() {
        assertTrue(assertThrows(LabelingException.class, () -> RankOrder.parse("1>x>3")).getMessage().contains("'x'"));
        assertTrue(assertThrows(LabelingException.class, () -> RankOrder.parse(" ")).getMessage().contains("empty"));
        RankOrder twice = RankOrder.parse("1>2>2>3");
        assertTrue(assertThrows(LabelingException.class, () -> twice.requireCovers(List.of(1L, 2L, 3L)))
                .getMessage().contains("appears twice"));
        RankOrder missing = RankOrder.parse("1>2");
        assertTrue(assertThrows(LabelingException.class, () -> missing.requireCovers(List.of(1L, 2L, 3L)))
                .getMessage().contains("leaves out output(s) [3]"));
        RankOrder stranger = RankOrder.parse("1>2>9");
        assertTrue(assertThrows(LabelingException.class, () -> stranger.requireCovers(List.of(1L, 2L, 3L)))
                .getMessage().contains("output 9 is not one of"));
    }
}
