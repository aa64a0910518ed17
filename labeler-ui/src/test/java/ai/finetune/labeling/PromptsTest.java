package ai.finetune.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.labeling.prompts.LabelingPrompt;
import ai.finetune.labeling.prompts.PromptCategory;
import ai.finetune.labeling.prompts.PromptKind;
import ai.finetune.labeling.prompts.PromptRules;
import ai.finetune.labeling.prompts.Split;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private TestDb db = new TestDb();

    @AfterEach
    void close() {
        db.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void activate() {
        db.activate("ann", "bob", "cap");
    }

    @Test
    void onlyActiveLabelersWritePrompts() {
        LabelingException e = assertThrows(LabelingException.class, () -> write("newcomer", "Tell me a joke"));
        assertTrue(e.isForbidden() && e.getMessage().contains("only active labelers"), e.getMessage());
    }

    private LabelingPrompt write(String author, String text) {
        return db.tx(s -> s.prompts().write(author, PromptKind.PLAIN, PromptCategory.GENERATION, null, text));
    }

    @Test
    void aLongCommonPrefixMarksADuplicateCaseAndSpacingIgnored() {
        String base = "Write a short story about a robot who learns to paint, in the style of";
        LabelingPrompt first = write("ann", base + " a fairy tale.");
        assertNull(first.getDuplicateOf());
        LabelingPrompt second = write("bob", "write a  SHORT story about a robot who learns to paint, in the style of Hemingway.");
        assertEquals(first.getId(), second.getDuplicateOf());
        assertFalse(write("bob", "Write a poem about a robot.").isDuplicate());
        assertTrue(PromptRules.duplicates("Hi there", "hi   there"));
        assertFalse(PromptRules.duplicates("Hi there", "Hi there, how are you?"));
        // duplicates are left out of the category counts
        assertEquals(2L, db.tx(s -> s.prompts().categoryCounts()).get(PromptCategory.GENERATION));
    }

    @Test
    void fewShotAndUserBasedPromptsNeedTheirParts() {
        LabelingException e = assertThrows(LabelingException.class, () -> db.tx(s -> s.prompts().write("ann",
                PromptKind.FEW_SHOT, PromptCategory.CLASSIFICATION, null, "Classify the sentiment.\nInput: great\nOutput: positive")));
        assertTrue(e.getMessage().contains("found 1 inputs and 1 outputs"), e.getMessage());
        assertFalse(db.tx(s -> s.prompts().write("ann", PromptKind.FEW_SHOT, PromptCategory.CLASSIFICATION, null,
                "Classify the sentiment.\nInput: great\nOutput: positive\nInput: awful\nOutput: negative\nInput: fine\nOutput:")).isDuplicate());
        assertThrows(LabelingException.class, () -> db.tx(s -> s.prompts().write("ann", PromptKind.USER_BASED,
                PromptCategory.CHAT, " ", "Help me plan a trip")));
    }

    @Test
    void atMostTheCapPerLabelerAndOneSplitPerAuthor() {
        db.close();
        db = new TestDb(new LabelingSettings(Duration.ofMinutes(30), 0.1, 3, 3));
        db.activate("cap");
        IntStream.range(0, 3).forEach(i -> write("cap", "Prompt number " + i + " is different"));
        LabelingException e = assertThrows(LabelingException.class, () -> write("cap", "One more prompt"));
        assertTrue(e.getMessage().contains("the most one labeler may write (3)"), e.getMessage());
        assertTrue(db.tx(s -> s.prompts().byAuthor("cap")).stream().allMatch(p -> p.getSplit() == Split.forAuthor("cap")));
        // roughly 80/10/10 over many authors
        Map<Split, Long> counts = IntStream.range(0, 2000).mapToObj(i -> Split.forAuthor("author-" + i))
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()));
        assertTrue(counts.get(Split.TRAIN) > 1500 && counts.get(Split.VALIDATION) > 120 && counts.get(Split.TEST) > 120, counts.toString());
    }

    @Test
    void userBasedPromptsPickAnActiveUseCaseFromTheAdminsList() {
        LabelingException none = assertThrows(LabelingException.class, () -> db.tx(s -> s.prompts().write("ann",
                PromptKind.USER_BASED, PromptCategory.CHAT, "Travel planning", "Help me plan a trip to Lisbon")));
        assertTrue(none.getMessage().contains("not one of the use cases"), none.getMessage());
        long id = db.tx(s -> ai.finetune.labeling.prompts.PromptsAccess.useCases(s.em(), db.clock)
                .add(" Travel planning ", "trips, bookings", "admin")).id();
        assertThrows(LabelingException.class, () -> db.tx(s -> ai.finetune.labeling.prompts.PromptsAccess.useCases(s.em(), db.clock)
                .add("travel PLANNING", null, "admin")));
        LabelingPrompt p = db.tx(s -> s.prompts().write("ann", PromptKind.USER_BASED, PromptCategory.CHAT, "Travel planning",
                "Help me plan a trip to Lisbon"));
        assertEquals("Travel planning", p.getUseCase());
        // a plain prompt names no use case even if one was sent along
        assertNull(db.tx(s -> s.prompts().write("ann", PromptKind.PLAIN, PromptCategory.CHAT, "Travel planning",
                "What is the capital of Portugal?")).getUseCase());
        db.tx(s -> { ai.finetune.labeling.prompts.PromptsAccess.useCases(s.em(), db.clock).setActive(id, false); return null; });
        assertThrows(LabelingException.class, () -> db.tx(s -> s.prompts().write("bob", PromptKind.USER_BASED,
                PromptCategory.CHAT, "Travel planning", "Plan a weekend in Porto")));
        assertEquals(1, db.tx(s -> ai.finetune.labeling.prompts.PromptsAccess.useCases(s.em(), db.clock).all()).size());
    }
}
