package ai.finetune.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.finetune.runtime.testing.ByteTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftDataTest {
    static final ByteTokenizer TOK = new ByteTokenizer();

    @Test
    void lossOnlyOnResponseAndEndOfText() {
        Example e = SftData.example(new int[] {10, 11, 12}, new int[] {20, 21}, TOK, 64);
        assertArrayEquals(new int[] {10, 11, 12, 257, 20, 21, 256}, e.tokens());
        // predictions: 10->11, 11->12, 12->RESP, RESP->20, 20->21, 21->EOT
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1}, e.weights());
    }

    @Test
    void longPairsLosePromptFromTheLeftFirst() {
        Example e = SftData.example(new int[] {1, 2, 3, 4, 5, 6}, new int[] {20, 21}, TOK, 6);
        assertArrayEquals(new int[] {4, 5, 6, 257, 20, 21, 256}, e.tokens());
        Example r = SftData.example(new int[] {1}, new int[] {20, 21, 22, 23, 24, 25, 26, 27}, TOK, 4);
        assertEquals(5, r.tokens().length);
        assertEquals(257, r.tokens()[0]);
        assertEquals(256, r.tokens()[4]);
    }

    @Test
    void readsResponseOrCompletionAndNamesBadLines(@TempDir Path d) throws Exception {
        Path f = d.resolve("pairs.jsonl");
        Files.write(f, List.of("{\"prompt\": \"a\", \"response\": \"b\"}", "", "{\"prompt\": \"c\", \"completion\": \"d\"}"));
        SftData.Split s = SftData.load(f, null, TOK, 32);
        assertEquals(1, s.train().size());
        assertEquals(1, s.val().size());
        Files.write(f, List.of("{\"prompt\": \"a\", \"response\": \"b\"}", "{\"prompt\": \"a\"}"));
        IOException e = assertThrows(IOException.class, () -> SftData.load(f, null, TOK, 32));
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("response"), e.getMessage());
        Files.write(f, List.of("{\"prompt\": \"a\", "));
        e = assertThrows(IOException.class, () -> SftData.load(f, null, TOK, 32));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void pretrainWindowsOverlapByOneToken() {
        Examples w = PretrainData.windows(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 4);
        assertEquals(2, w.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, w.get(0).tokens());
        assertArrayEquals(new int[] {4, 5, 6, 7, 8}, w.get(1).tokens());
    }
}
