package ai.finetune.runtime.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our GPT-2 regex must cut text exactly where Hugging Face's ByteLevel pre-tokenizer does. With a vocabulary of
 * bare bytes (no merges) every HF token is one byte and its word id names the pre-token it came from, so HF's
 * words can be read back and compared with ours; this catches differences that a trained vocabulary would hide.
 */
class PreTokenizerTest {
    @TempDir
    Path dir;

    @Test
    void splitsLikeHuggingFace() throws IOException {
        Map<String, Integer> bytesOnly = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            bytesOnly.put(String.valueOf(ByteLevel.charOf(b)), b);
        }
        Path json = dir.resolve("bytes.json");
        new BpeTokenizer(bytesOnly, List.of(), List.of(), BpeTokenizer.Options.GPT2).save(json);
        List<String> texts = List.of(
                "x \u00a0 \u00a0the end\u2003.  \u3000word\u0085\u000b\u000cz",
                "it's we'll they're I'd IT'S don't 'quoted' rock'n'roll",
                "tabs\t\tand   spaces   \n\n   \n    x = 1  # note\r\n",
                "numbers 1234567 ½ ² ٣ 3.14 -7 x2y",
                "émigré naïve 日本語テキスト 🙂🙂 a🙂b \uD83D\uDC4D\uD83C\uDFFD",
                TestCorpora.heldOutPython());
        try (HuggingFaceTokenizer hf = HuggingFaceCompatibilityTest.huggingFace(json)) {
            for (String text : texts) {
                assertEquals(PreTokenizer.split(text), huggingFaceWords(hf, text), text);
            }
        }
    }

    private static List<String> huggingFaceWords(HuggingFaceTokenizer hf, String text) {
        Encoding e = hf.encode(text, false, false);
        long[] ids = e.getIds();
        long[] words = e.getWordIds();
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (int i = 0; i < ids.length; i++) {
            if (i > 0 && words[i] != words[i - 1]) {
                out.add(word.toString(StandardCharsets.UTF_8));
                word.reset();
            }
            word.write((int) ids[i]);
        }
        if (word.size() > 0) {
            out.add(word.toString(StandardCharsets.UTF_8));
        }
        return out;
    }
}
