package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.finetune.labeling.screening.ScreeningOutcome;
import ai.finetune.labeling.screening.ScreeningRules;
import org.junit.jupiter.api.Test;

class ScreeningRulesTest {

    private final ScreeningRules rules = ScreeningRules.DEFAULTS;

    private static Agreement.Tally t(long agreed, long total) {
        return new Agreement.Tally(agreed, total);
    }

    @Test
    void seventyFivePercentAndSixOfSevenPass() {
        assertEquals(ScreeningOutcome.PENDING, rules.decide(t(3, 4), t(9, 12), true, null));
        assertEquals(ScreeningOutcome.PASSED, rules.decide(t(3, 4), t(9, 12), true, 6));
        assertEquals(ScreeningOutcome.FAILED, rules.decide(t(3, 4), t(9, 12), true, 5));
    }

    @Test
    void aFailedAutomaticPartDecidesAtOnce() {
        assertEquals(ScreeningOutcome.FAILED, rules.decide(t(2, 4), t(12, 12), true, null));
        assertEquals(ScreeningOutcome.FAILED, rules.decide(t(4, 4), t(8, 12), true, 7));
    }

    @Test
    void partsWithoutGoldItemsDoNotCount() {
        assertEquals(ScreeningOutcome.PASSED, rules.decide(Agreement.Tally.NONE, t(6, 6), false, null));
        assertEquals(ScreeningOutcome.PENDING, rules.decide(Agreement.Tally.NONE, Agreement.Tally.NONE, true, null));
    }
}
