package ai.finetune.runtime.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void writesOneColumnPerComponentWithQuoting() {
        WinRate row = new WinRate("ppo, 1.3B", "sft", "open \"QA\"", 4, 2, 1, 1, 0, 0.625, 0.3, 0.9, 0.25, 1.0, 1000, 42L);
        String csv = CsvExport.toCsv(List.of(row), WinRate.class);
        assertEquals("model,baseline,category,judgements,wins,losses,ties,bothBad,winRate,wilsonLow,wilsonHigh,"
                + "bootstrapLow,bootstrapHigh,bootstrapSamples,bootstrapSeed\r\n"
                + "\"ppo, 1.3B\",sft,\"open \"\"QA\"\"\",4,2,1,1,0,0.625,0.3,0.9,0.25,1.0,1000,42\r\n", csv);
    }

    @Test
    void emptyListStillHasItsHeader() {
        assertEquals("rank,model,elo,eloLow,eloHigh,judgements,wins,losses,ties,score\r\n",
                CsvExport.toCsv(List.of(), ModelRating.class));
    }

    @Test
    void refusesNestedRecords() {
        assertThrows(IllegalArgumentException.class, () -> CsvExport.toCsv(List.of(), Leaderboard.class));
    }
}
