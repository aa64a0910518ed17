package ai.finetune.batch.worker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Complete new lines of a file another process appends to. A line without its newline yet stays for the next
 * read, so a row is never delivered half-written.
 */
final class FileTail {
    private final Path file;
    private long offset;
    private byte[] partial = new byte[0];

    FileTail(Path file) {
        this.file = file;
    }

    List<String> read() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) { // replaced by a shorter file: start over
                offset = 0;
                partial = new byte[0];
            }
            if (length == offset) {
                return lines;
            }
            in.seek(offset);
            byte[] fresh = new byte[(int) Math.min(length - offset, 8 << 20)];
            in.readFully(fresh);
            offset += fresh.length;
            byte[] buf = new byte[partial.length + fresh.length];
            System.arraycopy(partial, 0, buf, 0, partial.length);
            System.arraycopy(fresh, 0, buf, partial.length, fresh.length);
            int start = 0;
            for (int i = 0; i < buf.length; i++) {
                if (buf[i] == '\n') {
                    String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                    start = i + 1;
                }
            }
            partial = java.util.Arrays.copyOfRange(buf, start, buf.length);
        }
        return lines;
    }
}
