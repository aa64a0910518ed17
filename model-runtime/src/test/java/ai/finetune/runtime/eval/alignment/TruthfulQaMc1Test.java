package ai.finetune.runtime.eval.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.eval.stats.CsvExport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruthfulQaMc1Test {
    /*
     * Three questions in TruthfulQA's CSV layout (one with a quoted, multi-line field and a trailing semicolon).
     * Word log-probabilities of the unigram test model:
     *   sure -1.0, it -1.0, is -1.0, safe -1.0, bad -2.0, no -0.5, yes -3.0, maybe -2.5, fine -0.9, ok -1.2
     *
     * Q1 (Health): best "it is sure safe" = 4 tokens, sum -4.0, average NLL 1.0
     *              incorrect "bad" = 1 token, sum -2.0, average NLL 2.0
     *              "yes" average NLL 3.0
     *   by average NLL the best answer wins (1.0 < 2.0 < 3.0); by summed log-prob "bad" would win (-2 > -4):
     *   the per-token normalisation decides this question.
     * Q2 (Health): best "maybe" 2.5, incorrect "no" 0.5, "yes" 3.0 -> picks "no": wrong.
     * Q3 (Law):    best "fine ok" (0.9 + 1.2) / 2 = 1.05, incorrect "bad" 2.0, "bad" again (a duplicate, dropped)
     *   -> picks "fine ok": right.
     * MC1 = 2/3; Health 1/2, Law 1/1.
     * Chance: Q1 has 3 choices, Q2 3, Q3 2 (duplicate dropped): (1/3 + 1/3 + 1/2) / 3 = 7/18 = 0.3889;
     *   Health 1/3, Law 1/2.
     */
    static final String CSV = """
            Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source
            Adversarial,Health,Is it safe?,it is sure safe,it is sure safe; no,bad; yes,https://example.org/1
            Non-Adversarial,Health,"Is it, really,
            safe?",maybe,maybe,no;yes;,https://example.org/2
            Adversarial,Law,Is it legal?,fine ok,fine ok,bad; bad,https://example.org/3
            """;
    static final Map<String, Double> LOG_PROBS = Map.of("sure", -1.0, "it", -1.0, "is", -1.0, "safe", -1.0,
            "bad", -2.0, "no", -0.5, "yes", -3.0, "maybe", -2.5, "fine", -0.9, "ok", -1.2);

    static List<TruthfulQaQuestion> questions() throws IOException {
        return TruthfulQaDataset.read(new StringReader(CSV), "test.csv");
    }

    @Test
    void picksTheLowestAverageNegativeLogLikelihood() throws IOException {
        TruthfulQaReport report = TruthfulQaMc1.evaluate("tiny", questions(), new UnigramScorer(LOG_PROBS),
                ProgressListener.NONE);
        assertEquals(3, report.questions());
        assertEquals(2, report.correct());
        assertEquals(2.0 / 3, report.mc1(), 1e-12);
        assertEquals(7.0 / 18, report.chance(), 1e-12);

        TruthfulQaAnswer q1 = report.answers().get(0);
        assertTrue(q1.correct(), "average NLL picks the 4-token best answer over the 1-token 'bad'");
        assertEquals(1.0, q1.bestAnswerNll(), 1e-12);
        assertEquals(3, q1.choices());
        TruthfulQaAnswer q2 = report.answers().get(1);
        assertFalse(q2.correct());
        assertEquals("no", q2.picked());
        assertEquals(0.5, q2.pickedNll(), 1e-12);
        assertEquals(2.5, q2.bestAnswerNll(), 1e-12);
        TruthfulQaAnswer q3 = report.answers().get(2);
        assertTrue(q3.correct());
        assertEquals(2, q3.choices());
        assertEquals(1.05, q3.pickedNll(), 1e-12);

        List<CategoryAccuracy> categories = report.categories();
        assertEquals(List.of(TruthfulQaMc1.ALL_CATEGORIES, "Health", "Law"),
                categories.stream().map(CategoryAccuracy::category).toList());
        assertEquals(0.5, categories.get(1).accuracy(), 1e-12);
        assertEquals(1.0 / 3, categories.get(1).chance(), 1e-12);
        assertEquals(1.0, categories.get(2).accuracy(), 1e-12);
        assertEquals(0.5, categories.get(2).chance(), 1e-12);
    }

    @Test
    void summedLogProbabilityWouldPickDifferently() throws IOException {
        // the same Q1 scored by total log-probability (what the normalisation replaces) prefers "bad"
        UnigramScorer scorer = new UnigramScorer(LOG_PROBS);
        TruthfulQaQuestion q1 = questions().get(0);
        double best = sum(scorer.tokenLogProbs("", q1.bestAnswer()));
        double bad = sum(scorer.tokenLogProbs("", "bad"));
        assertTrue(bad > best);
        MultipleChoice.Pick pick = MultipleChoice.pick(scorer, TruthfulQaMc1.prompt(q1.question()),
                q1.mc1Choices().stream().map(TruthfulQaMc1::continuation).toList());
        assertEquals(0, pick.chosen());
        assertEquals(List.of(1.0, 2.0, 3.0), pick.averageNll());
    }

    private static double sum(double[] values) {
        return java.util.Arrays.stream(values).sum();
    }

    @Test
    void promptAndContinuationFormat() {
        List<String> seen = new java.util.ArrayList<>();
        ContinuationScorer recording = (context, continuation) -> {
            seen.add(context + "|" + continuation);
            return new double[] {-1};
        };
        MultipleChoice.pick(recording, TruthfulQaMc1.prompt("Why?"), List.of(TruthfulQaMc1.continuation("Because")));
        assertEquals(List.of("Q: Why?\nA:| Because"), seen);
    }

    @Test
    void rejectsScorerOutputThatIsNotALogProbability() {
        ContinuationScorer broken = (context, continuation) -> new double[] {0.3};
        assertThrows(IllegalArgumentException.class, () -> MultipleChoice.pick(broken, "p", List.of("a")));
        ContinuationScorer empty = (context, continuation) -> new double[0];
        assertThrows(IllegalArgumentException.class, () -> MultipleChoice.pick(empty, "p", List.of("a")));
    }

    @Test
    void reportsExportAsJsonAndCsv() throws IOException {
        TruthfulQaReport report = TruthfulQaMc1.evaluate("tiny", questions(), new UnigramScorer(LOG_PROBS),
                ProgressListener.NONE);
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(report);
        assertEquals(report, mapper.readValue(json, TruthfulQaReport.class));
        String csv = CsvExport.toCsv(report.categories(), CategoryAccuracy.class);
        assertTrue(csv.startsWith("category,questions,correct,accuracy,chance\r\n(all),3,2,0.6666666666666666,"), csv);
    }
}
