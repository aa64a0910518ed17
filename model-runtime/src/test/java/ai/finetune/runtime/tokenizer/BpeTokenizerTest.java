package ai.finetune.runtime.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {
    @TempDir
    Path dir;

    /** Bytes 0..255, then the given merged tokens in order. */
    static BpeTokenizer handMade(List<String> merges) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(ByteLevel.charOf(b)), b);
        }
        for (String m : merges) {
            vocab.put(m.replace(" ", ""), vocab.size());
        }
        return new BpeTokenizer(vocab, merges, List.of(), BpeTokenizer.Options.GPT2);
    }

    @Test
    void mergesApplyByRankNotByPosition() {
        // "abc": the pair (b c) has the lower rank, so it wins although (a b) comes first
        BpeTokenizer t = handMade(List.of("b c", "a b", "a bc"));
        int bc = t.id("bc");
        int abc = t.id("abc");
        assertArrayEquals(new int[] {abc}, t.encode("abc"));
        assertArrayEquals(new int[] {abc, 'd'}, t.encode("abcd"));
        assertArrayEquals(new int[] {'x', bc}, t.encode("xbc"));
        // "aaa" with merge (a a): leftmost first, as Hugging Face does
        BpeTokenizer aa = handMade(List.of("a a"));
        assertArrayEquals(new int[] {aa.id("aa"), 'a'}, aa.encode("aaa"));
        // a space belongs to the following word: "Ġ" + "b" never merges across "a|Ġb"
        BpeTokenizer sp = handMade(List.of("Ġ b", "a Ġ"));
        assertArrayEquals(new int[] {'a', sp.id("Ġb")}, sp.encode("a b"));
    }

    @Test
    void decodeInvertsEncodeOnAnyText() {
        BpeTokenizer t = TestCorpora.trainedOnJavaSources(600).withWhitespaceTokens();
        for (String s : List.of(TestCorpora.heldOutPython(), "", "  ", "<|endoftext|>", "\u0000\u0001 ÿ 🙂\r\n\t")) {
            assertEquals(s, t.decode(t.encode(s)));
            assertEquals(s, t.decode(t.encodeWithSpecialTokens(s)));
        }
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        BpeTokenizer t = TestCorpora.trainedOnJavaSources(600).withWhitespaceTokens();
        Path file = dir.resolve("sub/tokenizer.json");
        t.save(file);
        BpeTokenizer loaded = BpeTokenizer.load(file);
        assertEquals(t.vocabSize(), loaded.vocabSize());
        assertEquals(t.endOfTextId(), loaded.endOfTextId());
        assertEquals(t.responseId(), loaded.responseId());
        assertEquals(t.merges(), loaded.merges());
        String text = TestCorpora.heldOutPython() + "<|response|>";
        assertArrayEquals(t.encodeWithSpecialTokens(text), loaded.encodeWithSpecialTokens(text));
        assertArrayEquals(t.encode(text), loaded.encode(text));
        // saving the loaded tokenizer again gives the same file
        Path again = dir.resolve("again.json");
        loaded.save(again);
        assertEquals(Files.readString(file), Files.readString(again));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void adaptingAppendsIdsAndIsIdempotent() {
        BpeTokenizer base = TestCorpora.trainedOnJavaSources(600);
        BpeTokenizer adapted = base.withWhitespaceTokens();
        assertEquals(base.vocabSize() + WhitespaceTokens.DEFAULT.size(), adapted.vocabSize());
        assertEquals(base.endOfTextId(), adapted.endOfTextId());
        assertEquals(adapted.vocabSize(), adapted.withWhitespaceTokens().withSpecialTokens().vocabSize());
        int eightSpaces = adapted.id("\n" + " ".repeat(8));
        assertTrue(eightSpaces >= base.vocabSize());
        // leftmost-longest: a newline and 8 spaces is one token, not "\n    " + "    "
        int[] ids = adapted.encode("x\n        y");
        assertEquals(3, ids.length);
        assertEquals(eightSpaces, ids[1]);
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        Path missing = dir.resolve("missing.json");
        Exception e = assertThrows(NoSuchFileException.class, () -> BpeTokenizer.load(missing));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"model\": {\"type\": \"BPE\", ");
        e = assertThrows(IOException.class, () -> BpeTokenizer.load(broken));
        assertTrue(e.getMessage().contains("broken.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
        Path wordPiece = dir.resolve("wordpiece.json");
        Files.writeString(wordPiece, "{\"normalizer\":null,\"pre_tokenizer\":{\"type\":\"ByteLevel\"},"
                + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{}}}");
        e = assertThrows(IOException.class, () -> BpeTokenizer.load(wordPiece));
        assertTrue(e.getMessage().contains("WordPiece"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> handMade(List.of()).endOfTextId());
    }

    /** Long words use the heap; both ways must give the same ids, and a 200k-letter word must not take minutes. */
    @Test
    void heapAndScanMergeAlike() {
        BpeTokenizer t = TestCorpora.trainedOnJavaSources(600);
        java.util.Random random = new java.util.Random(1);
        List<String> words = new java.util.ArrayList<>(PreTokenizer.split(TestCorpora.heldOutPython()));
        String letters = "aeiostrnlcdpuTxy_";
        for (int k = 0; k < 200; k++) {
            StringBuilder w = new StringBuilder(k % 2 == 0 ? " " : "");
            for (int i = 0, len = 1 + random.nextInt(300); i < len; i++) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add(w.toString());
        }
        for (String w : words) {
            byte[] b = w.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int[] ids = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                ids[i] = t.id(String.valueOf(ByteLevel.charOf(b[i] & 0xFF)));
            }
            assertArrayEquals(t.applyMergesByScan(ids.clone()), t.applyMergesWithHeap(ids.clone()), w);
        }
        String huge = "ab".repeat(100_000);
        long start = System.nanoTime();
        assertEquals(huge, t.decode(t.encode(huge)));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a 200k-character word is encoded in seconds");
    }
}
