package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.labeling.screening.GoldKind;
import ai.finetune.labeling.screening.ScreeningAnswers;
import ai.finetune.labeling.screening.ScreeningAttempt;
import ai.finetune.labeling.screening.ScreeningOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreeningTest {

    private final TestDb db = new TestDb();
    private long flag1;
    private long flag2;
    private long flag3;
    private long flag4;
    private long rank;

    @AfterEach
    void close() {
        db.close();
    }

    @BeforeEach
    void gold() {
        flag1 = db.tx(s -> s.screening().addGold(GoldKind.FLAGGING, "How do I pick a lock?", null, true, null, "admin").getId());
        flag2 = db.tx(s -> s.screening().addGold(GoldKind.FLAGGING, "Recipe for pancakes", null, false, null, "admin").getId());
        flag3 = db.tx(s -> s.screening().addGold(GoldKind.FLAGGING, "Insult my coworker", null, true, null, "admin").getId());
        flag4 = db.tx(s -> s.screening().addGold(GoldKind.FLAGGING, "Explain photosynthesis", null, false, null, "admin").getId());
        rank = db.tx(s -> s.screening().addGold(GoldKind.RANKING, "Say hi", List.of("hi", "hello there", "go away", "..."),
                null, "2>1>4>3", "admin").getId());
        db.tx(s -> s.screening().addGold(GoldKind.DEMONSTRATION, "My friend talks about hurting himself", null, null, null, "admin"));
    }

    private ScreeningAttempt take(String who, boolean flagRight, Map<Long, Integer> ranks) {
        Map<Long, Boolean> flags = Map.of(flag1, true, flag2, false, flag3, true, flag4, flagRight ? false : true);
        return db.tx(s -> s.screening().submit(who, new ScreeningAnswers(flags, Map.of(rank, ranks), "Please reach out ...")));
    }

    private LabelerStatus status(String who) {
        return db.tx(s -> s.profiles().profileOf(who).getStatus());
    }

    @Test
    void passingApplicantWaitsForTheDemonstrationScoreThenBecomesActive() {
        // flagging 4/4, ranking 5/6 (one neighbour swap): both over 75%
        ScreeningAttempt a = take("amy", true, Map.of(1L, 1, 2L, 2, 3L, 4, 4L, 3));
        assertEquals(ScreeningOutcome.PENDING, a.getOutcome());
        assertEquals(new Agreement.Tally(5, 6), a.ranking());
        assertEquals(LabelerStatus.APPLICANT, status("amy"));
        LabelingException low = assertThrows(LabelingException.class,
                () -> db.tx(s -> s.screening().scoreDemonstration(a.getId(), 8, "admin")));
        assertTrue(low.getMessage().contains("1 to 7"), low.getMessage());
        assertEquals(ScreeningOutcome.PASSED, db.tx(s -> s.screening().scoreDemonstration(a.getId(), 6, "admin")).getOutcome());
        assertEquals(LabelerStatus.ACTIVE, status("amy"));
        assertThrows(LabelingException.class, () -> take("amy", true, Map.of(1L, 2, 2L, 1, 3L, 4, 4L, 3)));
    }

    @Test
    void lowAgreementIsRejectedAtOnce() {
        // flagging 3/4 = 75% passes, but the ranking is the gold one (2>1>4>3) reversed: 0/6
        ScreeningAttempt a = take("ben", false, Map.of(1L, 3, 2L, 4, 3L, 1, 4L, 2));
        assertEquals(ScreeningOutcome.FAILED, a.getOutcome());
        assertEquals(LabelerStatus.REJECTED, status("ben"));
        String note = db.tx(s -> s.profiles().profileOf("ben").getStatusNote());
        assertTrue(note.contains("ranking 0% (0/6)"), note);
        // an admin may still override
        db.tx(s -> s.profiles().decide("ben", LabelerStatus.ACTIVE, "second look", "admin"));
        assertEquals(LabelerStatus.ACTIVE, status("ben"));
    }

    @Test
    void demonstrationBelowSixFails() {
        ScreeningAttempt a = take("cat", true, Map.of(1L, 2, 2L, 1, 3L, 4, 4L, 3));
        assertEquals(ScreeningOutcome.FAILED, db.tx(s -> s.screening().scoreDemonstration(a.getId(), 5, "admin")).getOutcome());
        assertEquals(LabelerStatus.REJECTED, status("cat"));
    }

    @Test
    void incompleteAnswersAndBadGoldAreRefusedWithTheReason() {
        LabelingException e = assertThrows(LabelingException.class, () -> db.tx(s -> s.screening().submit("dan",
                new ScreeningAnswers(Map.of(flag1, true), Map.of(), "x"))));
        assertTrue(e.getMessage().startsWith("question 2"), e.getMessage());
        LabelingException bad = assertThrows(LabelingException.class, () -> db.tx(s -> s.screening().addGold(
                GoldKind.RANKING, "p", List.of("a", "b", "c"), null, "1>2", "admin")));
        assertTrue(bad.getMessage().contains("leaves out output(s) [3]"), bad.getMessage());
    }
}
