package ai.finetune.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WinratesCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesWinRatesAndLeaderboards() throws Exception {
        Path file = dir.resolve("judgements.jsonl");
        StringBuilder lines = new StringBuilder();
        // ppo vs sft: 6 wins, 2 losses, 1 tie, 1 both bad -> (6 + 1) / 10 = 0.7; gpt3 vs sft: 1 win 3 losses
        String[] ppo = {"A", "A", "A", "A", "A", "A", "B", "B", "tie", "both_bad"};
        for (int i = 0; i < ppo.length; i++) {
            lines.append("{\"prompt\": \"p%d\", \"category\": \"%s\", \"modelA\": \"ppo\", \"modelB\": \"sft\", \"preference\": \"%s\", \"lengthA\": %d, \"lengthB\": 50}\n"
                    .formatted(i, i % 2 == 0 ? "qa" : "gen", ppo[i], 40 + 3 * i));
        }
        String[] gpt3 = {"A", "B", "B", "B"};
        for (int i = 0; i < gpt3.length; i++) {
            lines.append("{\"prompt\": \"q%d\", \"modelA\": \"gpt3\", \"modelB\": \"sft\", \"preference\": \"%s\", \"lengthA\": 30, \"lengthB\": %d}\n"
                    .formatted(i, gpt3[i], 20 + 10 * i));
        }
        Files.writeString(file, lines);
        Path out = dir.resolve("out");
        StdoutCapture.Result result = StdoutCapture.run(() -> Main.run(new String[] {"winrates",
                "--judgements=" + file, "--baseline=sft", "--bootstrap=200", "--seed=5", "--out=" + out}));
        assertEquals(0, result.status());
        JsonNode summary = new ObjectMapper().readTree(result.lastLine());
        assertEquals("winrates", summary.get("command").asText());
        assertEquals(14, summary.get("judgements").asInt());
        assertEquals(0.7, summary.get("winRates").get("ppo").asDouble(), 1e-12);
        assertEquals(0.25, summary.get("winRates").get("gpt3").asDouble(), 1e-12);
        assertTrue(summary.get("elo").get("ppo").asDouble() > summary.get("elo").get("gpt3").asDouble());
        assertFalse(summary.get("lengthCoefficient").isNull());

        List<String> csv = Files.readAllLines(out.resolve("win-rates.csv"));
        assertTrue(csv.get(0).startsWith("model,baseline,category,judgements,wins"), csv.get(0));
        // ppo: (all), gen, qa; gpt3: (all), uncategorized
        assertEquals(1 + 5, csv.size());
        assertTrue(csv.get(1).startsWith("ppo,sft,(all),10,6,2,1,1,0.7,"), csv.get(1));
        JsonNode board = new ObjectMapper().readTree(out.resolve("leaderboard.json").toFile());
        assertEquals("bradley-terry", board.get("method").asText());
        assertEquals(3, board.get("ratings").size());
        assertTrue(Files.exists(out.resolve("leaderboard.csv")));
        assertTrue(Files.exists(out.resolve("leaderboard-length-controlled.json")));
    }

    @Test
    void unknownOptionAndBadInputAreReported() throws Exception {
        assertEquals(2, Main.run(new String[] {"winrates", "--judgements=x", "--baseline=b", "--bootstrapp=5"}));
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"modelA\": \"a\", \"modelB\": \"a\", \"preference\": \"A\"}\n");
        assertEquals(1, Main.run(new String[] {"winrates", "--judgements=" + file, "--baseline=a"}));
    }
}
