package ai.finetune.runtime.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved {@code tokenizer.json} must mean the same thing to Hugging Face's Rust library (through DJL) as to our
 * encoder: identical ids on held-out code, on special-token strings and on whitespace runs.
 */
class HuggingFaceCompatibilityTest {
    @TempDir
    static Path dir;

    static BpeTokenizer adapted;
    static Path adaptedJson;

    @BeforeAll
    static void train() throws IOException {
        adapted = TestCorpora.trainedOnJavaSources(700).withWhitespaceTokens();
        adaptedJson = dir.resolve("tokenizer.json");
        adapted.save(adaptedJson);
    }

    /** DJL's wrapper truncates to 512 tokens unless told not to; no BOS/EOS is added for GPT-style models. */
    static HuggingFaceTokenizer huggingFace(Path json) throws IOException {
        return HuggingFaceTokenizer.builder().optTokenizerPath(json).optTruncation(false).optAddSpecialTokens(false)
                .optPadding(false).build();
    }

    static int[] hfIds(HuggingFaceTokenizer hf, String text) {
        Encoding e = hf.encode(text, false, false);
        return Arrays.stream(e.getIds()).mapToInt(Math::toIntExact).toArray();
    }

    @Test
    void heldOutPythonFileGivesIdenticalIds() throws IOException {
        String code = TestCorpora.heldOutPython();
        int[] ours = adapted.encode(code);
        assertTrue(ours.length > 512, "long enough to catch silent truncation: " + ours.length);
        try (HuggingFaceTokenizer hf = huggingFace(adaptedJson)) {
            assertArrayEquals(ours, hfIds(hf, code));
            assertEquals(code, hf.decode(Arrays.stream(ours).mapToLong(i -> i).toArray(), false));
        }
        assertEquals(code, adapted.decode(ours));
    }

    @Test
    void specialTokensAndWhitespaceRunsGiveIdenticalIds() throws IOException {
        List<String> texts = List.of(
                "def f(x):\n    return x<|endoftext|>class A:\n\tpass\n\n\n",
                "prompt text<|response|> the answer\n        indented  two  spaces   three\t\ttabs\n\t\t\tx",
                "<|endoftext|><|endoftext|>" + " ".repeat(70) + "end\n" + " ".repeat(37) + "\n\n    \n        y",
                "   leading spaces, trailing spaces   ",
                "unicode: naïve café — 日本語 🙂 \u00a0nbsp\u2003em-space\u0085nel\r\nwindows line\r\n    x",
                "numbers 12345 3.14159 0xFF 1e-9; contractions it's we'll they're I'd",
                "long words take the heap path: " + "thequickbrownfoxjumpsoverthelazydog".repeat(12) + " "
                        + "publicstaticfinalvoid".repeat(9) + "\n" + "=".repeat(300));
        try (HuggingFaceTokenizer hf = huggingFace(adaptedJson)) {
            for (String text : texts) {
                assertArrayEquals(adapted.encodeWithSpecialTokens(text), hfIds(hf, text), text);
            }
        }
        int eot = adapted.endOfTextId();
        assertTrue(Arrays.stream(adapted.encodeWithSpecialTokens(texts.get(0))).anyMatch(i -> i == eot));
        assertTrue(Arrays.stream(adapted.encode(texts.get(0))).noneMatch(i -> i == eot),
                "encode() treats special-token strings as plain text");
    }

    /**
     * An imported GPT-2-style file: byte tokens not in byte order, merges in the newer [a, b] form,
     * <|endoftext|> inside the vocabulary; adapting it appends ids and HF still agrees.
     */
    @Test
    void importedGpt2StyleFileLoadsAndAdapts() throws IOException {
        BpeTokenizer trained = TestCorpora.trainedOnJavaSources(500);
        // Renumber: byte tokens in reverse order, merged tokens after them, endoftext last (like GPT-2's 50256).
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 255; b >= 0; b--) {
            vocab.put(String.valueOf(ByteLevel.charOf(b)), 255 - b);
        }
        for (String m : trained.merges()) {
            vocab.putIfAbsent(m.replace(" ", ""), vocab.size());
        }
        int eot = vocab.size();
        vocab.put(Tokenizer.END_OF_TEXT, eot);
        StringBuilder json = new StringBuilder("{\"version\":\"1.0\",\"added_tokens\":[{\"id\":" + eot
                + ",\"content\":\"<|endoftext|>\",\"single_word\":false,\"lstrip\":false,\"rstrip\":false,"
                + "\"normalized\":true,\"special\":true}],\"normalizer\":null,"
                + "\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":true},"
                + "\"post_processor\":{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":false},"
                + "\"decoder\":{\"type\":\"ByteLevel\",\"add_prefix_space\":true,\"trim_offsets\":true},"
                + "\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,\"continuing_subword_prefix\":\"\","
                + "\"end_of_word_suffix\":\"\",\"fuse_unk\":false,\"vocab\":");
        json.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(vocab));
        List<List<String>> merges = new ArrayList<>();
        for (String m : trained.merges()) {
            merges.add(List.of(m.split(" ")));
        }
        json.append(",\"merges\":").append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(merges));
        json.append("}}");
        Path gpt2Like = dir.resolve("gpt2-like.json");
        Files.writeString(gpt2Like, json);

        BpeTokenizer imported = BpeTokenizer.load(gpt2Like);
        assertEquals(eot, imported.endOfTextId());
        String code = TestCorpora.heldOutPython();
        try (HuggingFaceTokenizer hf = huggingFace(gpt2Like)) {
            assertArrayEquals(imported.encode(code), hfIds(hf, code));
        }
        // same merges, different numbering: the same token strings
        int[] a = imported.encode(code);
        int[] b = trained.encode(code);
        assertEquals(b.length, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(trained.token(b[i]), imported.token(a[i]));
        }

        BpeTokenizer adaptedImport = imported.withSpecialTokens().withWhitespaceTokens();
        assertEquals(eot, adaptedImport.endOfTextId());
        assertEquals(eot + 1, adaptedImport.responseId(), "new ids are appended after the existing vocabulary");
        Path out = dir.resolve("gpt2-like-adapted.json");
        adaptedImport.save(out);
        String text = code + "<|endoftext|>x<|response|>        y";
        try (HuggingFaceTokenizer hf = huggingFace(out)) {
            assertArrayEquals(adaptedImport.encodeWithSpecialTokens(text), hfIds(hf, text));
        }
        assertArrayEquals(adaptedImport.encode(text), BpeTokenizer.load(out).encode(text));
    }

    /**
     * Llama 3 / Qwen 2 style: NFC normalizer, a Split regex before ByteLevel without its own regex, ignore_merges.
     * Saved by us after adaptation, then compared with Hugging Face.
     */
    @Test
    void splitPreTokenizerNormalizerAndIgnoreMerges() throws IOException {
        BpeTokenizer trained = TestCorpora.trainedOnJavaSources(500);
        String llama3Regex = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
                + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
        BpeTokenizer llamaLike = new BpeTokenizer(trained.modelVocab(), trained.merges(), trained.addedTokens(),
                new BpeTokenizer.Options("NFC", llama3Regex, false, false, true)).withWhitespaceTokens();
        Path json = dir.resolve("llama-like.json");
        llamaLike.save(json);
        BpeTokenizer loaded = BpeTokenizer.load(json);
        assertEquals(llamaLike.options(), loaded.options());
        String text = TestCorpora.heldOutPython() + "\nIT'S café vs cafe\u0301 12345678 <|endoftext|>\r\n\r\n  x";
        int[] ours = loaded.encodeWithSpecialTokens(text);
        try (HuggingFaceTokenizer hf = huggingFace(json)) {
            assertArrayEquals(ours, hfIds(hf, text));
        }
        assertTrue(loaded.decode(ours).contains("café vs café"), "NFC composed e + combining acute");
    }
}
