package ai.finetune.runtime.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The results serialise to JSON and read back unchanged: the portal's JSON export and import. */
class ResultJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void leaderboardAndWinRatesRoundTrip() throws Exception {
        List<Judgement> js = new ArrayList<>();
        String[] prefs = {"A", "A", "B", "tie", "both_bad", "A"};
        for (int i = 0; i < prefs.length; i++) {
            js.add(new Judgement("p" + i, i % 2 == 0 ? "qa" : "gen", "ppo", i < 3 ? "sft" : "gpt3",
                    Preference.parse(prefs[i]), 10 + i, 20 - i));
        }
        js.add(new Judgement("p9", "qa", "sft", "gpt3", Preference.B, 5, 7));
        Leaderboard board = new BradleyTerry(50, 1, BradleyTerry.DEFAULT_RIDGE).lengthControlledLeaderboard(js);
        String json = mapper.writeValueAsString(board);
        assertTrue(json.contains("\"lengthEffect\":{\"coefficient\":"), json);
        assertEquals(board, mapper.readValue(json, Leaderboard.class));

        List<WinRate> rates = WinRates.against(js, "sft", 50, 1);
        assertEquals(rates, mapper.readValue(mapper.writeValueAsString(rates), new TypeReference<List<WinRate>>() { }));
    }
}
