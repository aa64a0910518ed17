package ai.finetune.runtime.testing;

import ai.finetune.runtime.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test-only tokenizer: one token per UTF-8 byte (ids 0..255), then END_OF_TEXT (256) and RESPONSE (257). */
public final class ByteTokenizer implements Tokenizer {
    @Override
    public int[] encode(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            ids[i] = b[i] & 0xff;
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int id : ids) {
            if (id < 256) {
                bytes.write(id);
            } else {
                sb.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
                sb.append(id == 256 ? END_OF_TEXT : RESPONSE);
            }
        }
        return sb.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public int vocabSize() {
        return 258;
    }

    @Override
    public int endOfTextId() {
        return 256;
    }

    @Override
    public int responseId() {
        return 257;
    }

    @Override
    public void save(Path tokenizerJson) throws IOException {
        Path tmp = tokenizerJson.resolveSibling(tokenizerJson.getFileName() + ".tmp");
        Files.writeString(tmp, "{\"test\": \"byte tokenizer\"}");
        Files.move(tmp, tokenizerJson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
