package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankDraftTest {

    @Test
    void orderScoresAndFlagsSurviveTheRoundTrip() {
        RankDraft d = new RankDraft("12>14=13", Map.of(12L, 6, 13L, 2),
                Map.of(13L, Set.of(MetadataFlag.values()[0], MetadataFlag.values()[1]), 14L, Set.of()));
        RankDraft back = RankDraft.parse(d.text());
        assertEquals("12>14=13", back.order());
        assertEquals(Map.of(12L, 6, 13L, 2), back.scores());
        assertEquals(Map.of(13L, Set.of(MetadataFlag.values()[0], MetadataFlag.values()[1])), back.flags());
    }

    @Test
    void anOldOrderOnlyDraftStillReadsAndDamagedPartsAreDropped() {
        RankDraft old = RankDraft.parse("12>14>13");
        assertEquals("12>14>13", old.order());
        assertTrue(old.scores().isEmpty());
        RankDraft damaged = RankDraft.parse("12>13\n12:9,13:x,14:3\n12:NOT_A_FLAG");
        assertEquals(Map.of(14L, 3), damaged.scores());
        assertTrue(damaged.flags().isEmpty());
        assertNull(RankDraft.parse(null).order());
        assertNull(RankDraft.parse("\n12:5\n").order());
        assertEquals(Map.of(12L, 5), RankDraft.parse("\n12:5\n").scores());
    }
}
