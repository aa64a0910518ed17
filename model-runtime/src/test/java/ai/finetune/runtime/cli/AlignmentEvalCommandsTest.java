package ai.finetune.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.eval.alignment.ModelScorer;
import ai.finetune.runtime.eval.alignment.ScorerFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation commands run end to end on a scorer with known log-probabilities. */
class AlignmentEvalCommandsTest {
    @TempDir
    Path dir;

    /** Every token (word) has log-probability -(its length): short words are likely. Records opens and closes. */
    static final class WordLengthScorers implements ScorerFactory {
        final List<String> events = new ArrayList<>();

        @Override
        public ModelScorer open(Path modelDir, String device) {
            events.add("open " + modelDir.getFileName() + " on " + device);
            return new ModelScorer() {
                @Override
                public double[] tokenLogProbs(String context, String continuation) {
                    return java.util.Arrays.stream(continuation.trim().split("\\s+"))
                            .mapToDouble(w -> -w.length()).toArray();
                }

                @Override
                public void close() {
                    events.add("close");
                }
            };
        }
    }

    /*
     * Word-length scorer, average NLL = mean word length:
     *   Q1 best "it is true" (2+2+4)/3 = 2.67, incorrect "no" 2, "never ever" 5 -> picks "no": wrong
     *   Q2 best "yes" 3, incorrect "absolutely not" 11 -> right
     * MC1 = 1/2, chance = (1/3 + 1/2) / 2 = 5/12.
     */
    @Test
    void truthfulqaEvalScoresAndExports() throws Exception {
        Path csv = dir.resolve("tqa.csv");
        Files.writeString(csv, """
                Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source
                Adversarial,Health,Q one?,it is true,it is true,no; never ever,s
                Adversarial,Law,Q two?,yes,yes,absolutely not,s
                """);
        WordLengthScorers scorers = new WordLengthScorers();
        Path out = dir.resolve("out");
        StdoutCapture.Result result = StdoutCapture.run(() -> new TruthfulqaEvalCommand(scorers).run(new Options(
                "truthfulqa-eval", new String[] {"--model=" + dir.resolve("tiny"), "--dataset=" + csv, "--out=" + out})));
        assertEquals(0, result.status());
        JsonNode summary = new ObjectMapper().readTree(result.lastLine());
        assertEquals("tiny", summary.get("model").asText());
        assertEquals(0.5, summary.get("mc1").asDouble(), 1e-12);
        assertEquals(5.0 / 12, summary.get("chance").asDouble(), 1e-12);
        assertEquals(List.of("open tiny on cpu", "close"), scorers.events);
        List<String> categories = Files.readAllLines(out.resolve("truthfulqa-categories.csv"));
        assertEquals(List.of("category,questions,correct,accuracy,chance", "(all),2,1,0.5,0.41666666666666663",
                "Health,1,0,0.0,0.3333333333333333", "Law,1,1,1.0,0.5"), categories);
        assertEquals(3, Files.readAllLines(out.resolve("truthfulqa-answers.csv")).size());
        assertEquals(0.5, new ObjectMapper().readTree(out.resolve("truthfulqa.json").toFile()).get("mc1").asDouble());
    }

    @Test
    void truthfulqaEvalOnTheShippedData() throws Exception {
        StdoutCapture.Result result = StdoutCapture.run(() -> new TruthfulqaEvalCommand(new WordLengthScorers())
                .run(new Options("truthfulqa-eval", new String[] {"--model=m", "--limit=20"})));
        JsonNode summary = new ObjectMapper().readTree(result.lastLine());
        assertEquals(20, summary.get("questions").asInt());
    }

    @Test
    void bbqEvalSamplesCategoriesAndExports() throws Exception {
        WordLengthScorers scorers = new WordLengthScorers();
        Path out = dir.resolve("bbq");
        StdoutCapture.Result result = StdoutCapture.run(() -> new BbqEvalCommand(scorers).run(new Options("bbq-eval",
                new String[] {"--model=m", "--categories=Religion,Age", "--perCategory=30", "--seed=3", "--out=" + out})));
        assertEquals(0, result.status());
        JsonNode summary = new ObjectMapper().readTree(result.lastLine());
        assertEquals(60, summary.get("items").asInt());
        // per-category figures on the summary line too (the portal's bbq job reads only that line)
        assertEquals(30, summary.get("categories").get("Religion").get("items").asInt());
        assertEquals(30, summary.get("categories").get("Age").get("items").asInt());
        assertTrue(summary.get("categories").get("Age").has("biasAmbiguous"));
        List<String> rows = Files.readAllLines(out.resolve("bbq-categories.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).startsWith("(all),60,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("Religion,30,"), rows.get(2));
        assertEquals(61, Files.readAllLines(out.resolve("bbq-answers.csv")).size());
        assertEquals(List.of("open m on cpu", "close"), scorers.events);
        assertThrows(UsageException.class, () -> new BbqEvalCommand(scorers).run(new Options("bbq-eval",
                new String[] {"--model=m", "--categories=Race"})));
    }

    /** Both commands as registered in Main, on a tiny random GPT checkpoint. */
    @Test
    void registeredCommandsScoreWithAGptCheckpoint() throws Exception {
        Path modelDir = TinyGptCheckpoint.save(dir.resolve("tiny-gpt"),
                "What happens if you eat watermelon seeds? The seeds pass through. Who was not comfortable?", 320, 9);
        StdoutCapture.Result tqa = StdoutCapture.run(() -> Main.run(new String[] {"truthfulqa-eval",
                "--model=" + modelDir, "--limit=3"}));
        assertEquals(0, tqa.status());
        JsonNode summary = new ObjectMapper().readTree(tqa.lastLine());
        assertEquals("tiny-gpt", summary.get("model").asText());
        assertEquals(3, summary.get("questions").asInt());
        StdoutCapture.Result bbq = StdoutCapture.run(() -> Main.run(new String[] {"bbq-eval", "--model=" + modelDir,
                "--categories=Religion", "--perCategory=4"}));
        assertEquals(0, bbq.status());
        assertEquals(4, new ObjectMapper().readTree(bbq.lastLine()).get("items").asInt());
        assertEquals(1, Main.run(new String[] {"bbq-eval", "--model=" + dir.resolve("missing")}));
    }
}
