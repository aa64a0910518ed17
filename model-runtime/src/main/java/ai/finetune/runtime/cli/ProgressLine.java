package ai.finetune.runtime.cli;

import java.util.Locale;

/**
 * Progress on stderr with rate and ETA, at most one line per interval so logs stay short:
 * {@code tokenizer-train: merges 900/1790 (50%), 1200.0/s, ETA 1s}.
 */
final class ProgressLine {
    private final String command;
    private final String what;
    private final long startNanos = System.nanoTime();
    private long lastPrint;

    ProgressLine(String command, String what) {
        this.command = command;
        this.what = what;
    }

    /** Reports {@code done} of {@code total} (total <= 0 if unknown); prints if a second has passed or at the end. */
    void update(long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastPrint < 1_000_000_000L) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(command + ": " + what + " " + done);
        if (total > 0) {
            line.append('/').append(total).append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total));
        }
        line.append(String.format(Locale.ROOT, ", %.1f/s", rate));
        if (total > 0 && rate > 0 && !finished) {
            line.append(String.format(Locale.ROOT, ", ETA %.0fs", (total - done) / rate));
        } else {
            line.append(String.format(Locale.ROOT, ", %.1fs", seconds));
        }
        System.err.println(line);
    }
}
