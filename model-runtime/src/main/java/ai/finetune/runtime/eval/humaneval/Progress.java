package ai.finetune.runtime.eval.humaneval;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Progress on stderr at most every two seconds: done/total, samples/s and ETA. */
public final class Progress implements SampleExecutor.Listener {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final String label;
    private final int total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private volatile long lastPrinted = start;

    public Progress(String label, int total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    @Override
    public void finished(int index, Verdict verdict) {
        int n = done.incrementAndGet();
        if (verdict.passed()) {
            passed.incrementAndGet();
        }
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS || n == total) {
            synchronized (this) {
                if (now - lastPrinted >= EVERY_NANOS || n == total) {
                    lastPrinted = now;
                    print(n, now);
                }
            }
        }
    }

    private void print(int n, long now) {
        double seconds = (now - start) / 1e9;
        double rate = n / Math.max(seconds, 1e-9);
        double eta = (total - n) / Math.max(rate, 1e-9);
        out.printf("%s: %d/%d samples (%.1f%%), %d passed, %.1f samples/s, ETA %.0f s%n",
                label, n, total, 100.0 * n / total, passed.get(), rate, eta);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
