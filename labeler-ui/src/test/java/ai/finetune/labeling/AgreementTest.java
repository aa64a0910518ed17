package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static Agreement.Judgement rank(long item, String who, String order) {
        return Agreement.Judgement.ofRanks(item, who, RankOrder.parse(order).ranks());
    }

    @Test
    void identicalRankingsAgreeFully() {
        Agreement.Tally t = Agreement.compare(rank(1, "a", "1>2>3>4"), rank(1, "b", "1>2>3>4"));
        assertEquals(new Agreement.Tally(6, 6), t);
        assertEquals(1.0, t.rate());
    }

    @Test
    void oneSwapOfNeighboursCostsOneOfSixPairs() {
        Agreement.Tally t = Agreement.compare(rank(1, "a", "1>2>3>4"), rank(1, "b", "2>1>3>4"));
        assertEquals(new Agreement.Tally(5, 6), t);
        // a tie where the other labeler saw a difference is a disagreement on that pair
        assertEquals(new Agreement.Tally(5, 6), Agreement.compare(rank(1, "a", "1>2>3>4"), rank(1, "b", "1=2>3>4")));
        // fully reversed: no pair agrees
        assertEquals(new Agreement.Tally(0, 6), Agreement.compare(rank(1, "a", "1>2>3>4"), rank(1, "b", "4>3>2>1")));
    }

    @Test
    void reportCountsEveryPairOfLabelersOnOverlapItemsOnly() {
        List<Agreement.Judgement> js = List.of(
                rank(1, "a", "1>2>3>4"), rank(1, "b", "1>2>3>4"), rank(1, "c", "2>1>3>4"),
                rank(2, "a", "5>6>7>8"), // judged once: not compared
                Agreement.Judgement.ofVerdict(3, "a", Verdict.FIRST), Agreement.Judgement.ofVerdict(3, "b", Verdict.TIE));
        Agreement.Report r = Agreement.report(js);
        assertEquals(2, r.itemsCompared());
        // item 1: a-b 6/6, a-c 5/6, b-c 5/6; item 3: a-b 0/1
        assertEquals(new Agreement.Tally(16, 19), r.overall());
        assertEquals(new Agreement.Tally(11, 13), r.perLabeler().get("a"));
        assertEquals(new Agreement.Tally(11, 13), r.perLabeler().get("b"));
        assertEquals(new Agreement.Tally(10, 12), r.perLabeler().get("c"));
        assertTrue(Double.isNaN(Agreement.Tally.NONE.rate()));
        assertEquals(Map.of(), Agreement.report(List.of(rank(1, "a", "1>2>3>4"))).perLabeler());
    }

    @Test
    void judgementsOfDifferentOutputsCannotBeCompared() {
        assertThrows(IllegalArgumentException.class,
                () -> Agreement.compare(rank(1, "a", "1>2>3>4"), rank(1, "b", "1>2>3>4>5")));
        assertThrows(IllegalArgumentException.class,
                () -> Agreement.compare(rank(1, "a", "1>2>3>4"), rank(2, "b", "1>2>3>4")));
    }
}
