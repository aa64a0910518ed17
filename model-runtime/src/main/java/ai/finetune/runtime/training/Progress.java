package ai.finetune.runtime.training;

/** A progress line on stderr at most every {@code intervalMs}: position, rate and ETA. */
public final class Progress {
    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private final long intervalMs;
    private long last;

    public Progress(String what, long total, long intervalMs) {
        this.what = what;
        this.total = total;
        this.intervalMs = intervalMs;
    }

    /**
     * @param done    units done so far in this process
     * @param offset  units done before this process started (a resumed run), for the position shown
     * @param details extra text (loss, lr)
     */
    public void update(long done, long offset, String details, boolean force) {
        long now = System.nanoTime();
        if (!force && (now - last) / 1_000_000 < intervalMs) {
            return;
        }
        last = now;
        double secs = (now - start) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        long left = total - offset - done;
        String eta = rate > 0 ? duration(left / rate) : "?";
        System.err.printf("%s %d/%d %s | %.2f/s | elapsed %s | ETA %s%n", what, offset + done, total, details, rate,
                duration(secs), eta);
    }

    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
