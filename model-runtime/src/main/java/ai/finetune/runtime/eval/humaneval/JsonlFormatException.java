package ai.finetune.runtime.eval.humaneval;

import java.io.IOException;

/** A JSON Lines record that cannot be used; the message names the file and the 1-based line. */
public final class JsonlFormatException extends IOException {
    private final String file;
    private final long line;

    public JsonlFormatException(String file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
