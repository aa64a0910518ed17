package ai.finetune.runtime.rlhf.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonDataTest {
    @Test
    void readsRankingsPairsAndHhRlhfTranscripts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\"],\"ranking\":[[2],[0,1]]}",
                "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\",\"c\"],\"ranking\":[1,2,0]}",
                "",
                "{\"prompt\":\"q\",\"chosen\":\"good\",\"rejected\":\"bad\"}",
                "{\"chosen\":\"\\n\\nHuman: hi\\n\\nAssistant: hello\",\"rejected\":\"\\n\\nHuman: hi\\n\\nAssistant: go away\"}",
                // hh-rlhf quirk: the chosen response continues the dialogue itself
                "{\"chosen\":\"\\n\\nHuman: a?\\n\\nAssistant: No. Human: b?\\n\\nAssistant: c\",\"rejected\":\"\\n\\nHuman: a?\\n\\nAssistant: Yes.\"}"));
        List<Comparison> cs = ComparisonData.read(f);
        assertEquals(5, cs.size());
        assertEquals(2, cs.get(0).pairs().size());
        assertEquals(3, cs.get(1).pairs().size());
        assertEquals("\n\nHuman: hi\n\nAssistant:", cs.get(3).prompt());
        assertEquals(" hello", cs.get(3).responses().get(0));
        assertEquals(" go away", cs.get(3).responses().get(1));
        assertEquals("\n\nHuman: a?\n\nAssistant:", cs.get(4).prompt());
        assertEquals(" No. Human: b?\n\nAssistant: c", cs.get(4).responses().get(0));
    }

    @Test
    void errorsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"prompt\":\"q\",\"chosen\":\"a\",\"rejected\":\"b\"}\n"
                + "{\"prompt\":\"p\",\"responses\":[\"a\",\"b\"],\"ranking\":[[0],[5]]}\n");
        IOException e = assertThrows(IOException.class, () -> ComparisonData.read(f));
        assertTrue(e.getMessage().contains("bad.jsonl:2"), e.getMessage());
        assertTrue(e.getMessage().contains("response 5"), e.getMessage());
    }
}
