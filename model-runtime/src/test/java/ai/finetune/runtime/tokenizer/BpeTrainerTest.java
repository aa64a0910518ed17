package ai.finetune.runtime.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {
    @Test
    void mergesTheMostFrequentPairFirst() {
        BpeTrainer trainer = new BpeTrainer(BpeTrainer.MIN_VOCAB_SIZE + 3, 1);
        // words: "low" x5, " lower" x2, " newest" x6, " widest" x3 (GPT-2 pre-tokenization keeps the space)
        trainer.feed("low low low low low lower lower newest newest newest newest newest newest widest widest widest");
        BpeTokenizer t = trainer.train();
        // (e s) and (es t) 9 times in newest/widest; then (l o) and (o w) 7 times tie: the smaller ids win
        assertEquals(List.of("e s", "es t", "l o"), t.merges().subList(0, 3));
        assertEquals(BpeTrainer.MIN_VOCAB_SIZE + 3, t.vocabSize());
        assertEquals(259, t.endOfTextId());
        assertEquals(260, t.responseId());
        assertArrayEquals(new int[] {'n', 'e', 'w', t.id("est")}, t.encode("newest"));
    }

    @Test
    void isDeterministicAndStopsWhenPairsRunOut() {
        BpeTokenizer a = TestCorpora.trainedOnJavaSources(400);
        BpeTokenizer b = TestCorpora.trainedOnJavaSources(400);
        assertEquals(a.merges(), b.merges());
        BpeTrainer small = new BpeTrainer(5000, 2);
        small.feed("abab abab cdcd");
        BpeTokenizer t = small.train();
        assertTrue(t.vocabSize() < 5000, "no pair occurs twice after a few merges");
        assertEquals("abab abab cdcd", t.decode(t.encode("abab abab cdcd")));
    }

    @Test
    void rejectsAVocabularyTooSmallForBytesAndSpecials() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> new BpeTrainer(257, 2));
        assertTrue(e.getMessage().contains("258"), e.getMessage());
    }

    /** The full figure (hh-rlhf tokenizer on held-out stdlib files) comes from the CLI; this is the small version. */
    @Test
    void whitespaceTokensShortenIndentedCode() {
        // a text tokenizer: trained on our sources with every whitespace run collapsed to one space
        BpeTrainer trainer = new BpeTrainer(600, 2);
        TestCorpora.javaSources().forEach(s -> trainer.feed(s.replaceAll("\\s+", " ")));
        BpeTokenizer plain = trainer.train();
        BpeTokenizer adapted = plain.withWhitespaceTokens();
        String code = TestCorpora.heldOutPython();
        int before = plain.encode(code).length;
        int after = adapted.encode(code).length;
        assertTrue(after <= 0.88 * before, // 15% on this small, string-heavy module
                "whitespace tokens: " + before + " -> " + after);
    }
}
