package ai.finetune.portal.dataset;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) and decodes each one strictly as UTF-8, so that
 * invalid bytes are reported on their own line (a Reader decodes ahead in blocks and cannot say which line).
 * Holds one line in memory at a time.
 */
final class Utf8Lines {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    private long number;

    Utf8Lines(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException, DatasetException {
        buf.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        if (!any) {
            return null;
        }
        number++;
        byte[] bytes = buf.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetException("line " + number + ": not valid UTF-8 text");
        }
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }
}
