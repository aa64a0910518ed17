package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.labeling.prompts.Demonstration;
import ai.finetune.labeling.prompts.PromptCategory;
import ai.finetune.labeling.prompts.PromptKind;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemonstrationsTest {

    private final TestDb db = new TestDb();

    @AfterEach
    void close() {
        db.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void activate() {
        db.activate("ann", "bob", "cat");
    }

    private long prompt(String author, String text) {
        return db.tx(s -> s.prompts().write(author, PromptKind.PLAIN, PromptCategory.OPEN_QA, null, text).getId());
    }

    @Test
    void sentBackRevisedAcceptedBecomesSftData() {
        long mine = prompt("ann", "Why is the sky blue?");
        long other = prompt("bob", "What is a prime number?");
        // a labeler is not offered their own prompt
        assertEquals(Optional.of(other), db.tx(s -> s.demonstrations().nextPrompt("ann").map(p -> p.getId())));
        long d = db.tx(s -> s.demonstrations().write("ann", other, "A prime number has exactly two divisors.").getId());
        assertEquals(Optional.of(mine), db.tx(s -> s.demonstrations().nextPrompt("bob").map(p -> p.getId())));
        assertThrows(LabelingException.class, () -> db.tx(s -> s.demonstrations().write("cat", other, "Another answer")));

        LabelingException noNote = assertThrows(LabelingException.class,
                () -> db.tx(s -> s.demonstrations().review(d, false, " ", "admin")));
        assertTrue(noNote.getMessage().contains("say why"), noNote.getMessage());
        assertEquals(Demonstration.State.SENT_BACK, db.tx(s -> s.demonstrations().review(d, false, "give an example", "admin")).getState());
        // sent back: the prompt is free again, and only its author may revise it
        assertEquals(Optional.of(other), db.tx(s -> s.demonstrations().nextPrompt("ann").map(p -> p.getId())));
        assertTrue(assertThrows(LabelingException.class, () -> db.tx(s -> s.demonstrations().revise("bob", d, "x"))).isForbidden());
        db.tx(s -> s.demonstrations().revise("ann", d, "A prime number has exactly two divisors, e.g. 7."));
        assertEquals(Demonstration.State.ACCEPTED, db.tx(s -> s.demonstrations().review(d, true, null, "admin")).getState());
        assertEquals(1, (int) db.tx(s -> s.demonstrations().accepted().size()));
        assertThrows(LabelingException.class, () -> db.tx(s -> s.demonstrations().review(d, false, "again", "admin")));
    }
}
