package ai.finetune.runtime.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgementJsonlTest {
    @TempDir
    Path dir;

    @Test
    void readsJudgementsAndSkipsBlankLines() throws IOException {
        Path file = dir.resolve("j.jsonl");
        Files.writeString(file, """
                {"prompt": "p1", "category": "qa", "modelA": "ppo", "modelB": "sft", "preference": "A", "lengthA": 12, "lengthB": 30}

                {"modelA": "sft", "modelB": "ppo", "preference": "both-bad"}
                """);
        List<Judgement> js = JudgementJsonl.read(file);
        assertEquals(2, js.size());
        assertEquals(new Judgement("p1", "qa", "ppo", "sft", Preference.A, 12, 30), js.get(0));
        assertEquals(Preference.BOTH_BAD, js.get(1).preference());
        assertEquals(Judgement.UNCATEGORIZED, js.get(1).category());
    }

    @Test
    void badLinesAreReportedWithTheirNumber() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"modelA": "ppo", "modelB": "sft", "preference": "A"}
                {"modelA": "ppo", "modelB": "sft", "preference": "maybe"}
                """);
        IOException e = assertThrows(IOException.class, () -> JudgementJsonl.read(file));
        assertTrue(e.getMessage().contains("bad.jsonl:2") && e.getMessage().contains("maybe"), e.getMessage());

        Files.writeString(file, "{\"modelA\": \"ppo\", \"preference\": \"A\"}\n");
        e = assertThrows(IOException.class, () -> JudgementJsonl.read(file));
        assertTrue(e.getMessage().contains(":1") && e.getMessage().contains("modelB"), e.getMessage());

        Files.writeString(file, "{\"modelA\": \"a\", \"modelB\": \"b\", \"preference\": \"A\", \"lengthA\": 1.5}\n");
        e = assertThrows(IOException.class, () -> JudgementJsonl.read(file));
        assertTrue(e.getMessage().contains("lengthA"), e.getMessage());
    }
}
