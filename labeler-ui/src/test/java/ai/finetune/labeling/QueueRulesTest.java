package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void exactlyTenPercentOfItemsOverlap() {
        for (long n : new long[] {10, 100, 1000, 12345}) {
            long chosen = LongStream.range(0, n).filter(i -> QueueRules.chosenForOverlap(i, 0.10)).count();
            assertEquals(n / 10, chosen, "of " + n);
        }
        assertFalse(QueueRules.chosenForOverlap(0, 0.10));
        assertTrue(QueueRules.chosenForOverlap(9, 0.10));
        assertEquals(0, LongStream.range(0, 100).filter(i -> QueueRules.chosenForOverlap(i, 0)).count());
        assertEquals(100, LongStream.range(0, 100).filter(i -> QueueRules.chosenForOverlap(i, 1)).count());
    }

    @Test
    void overlapItemsGetThreeSlotsOthersOne() {
        assertEquals(3, QueueRules.slotsFor(true, LabelingSettings.DEFAULTS));
        assertEquals(1, QueueRules.slotsFor(false, LabelingSettings.DEFAULTS));
    }

    @Test
    void aLeaseHoldsItsSlotUntilItEnds() {
        Instant end = QueueRules.leaseEnd(NOW, LabelingSettings.DEFAULTS);
        assertEquals(NOW.plus(Duration.ofMinutes(30)), end);
        assertTrue(QueueRules.occupiesSlot(AssignmentState.LEASED, end, NOW));
        assertTrue(QueueRules.occupiesSlot(AssignmentState.LEASED, end, end.minusMillis(1)));
        assertFalse(QueueRules.occupiesSlot(AssignmentState.LEASED, end, end));
        assertFalse(QueueRules.occupiesSlot(AssignmentState.EXPIRED, end, NOW));
        assertTrue(QueueRules.occupiesSlot(AssignmentState.SUBMITTED, end, end.plusSeconds(3600)));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabelingSettings(Duration.ZERO, 0.1, 3, 200));
        assertThrows(IllegalArgumentException.class, () -> new LabelingSettings(Duration.ofMinutes(1), 1.5, 3, 200));
        assertThrows(IllegalArgumentException.class, () -> new LabelingSettings(Duration.ofMinutes(1), 0.1, 1, 200));
    }
}
