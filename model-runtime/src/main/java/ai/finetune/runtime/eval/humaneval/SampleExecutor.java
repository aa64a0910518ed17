package ai.finetune.runtime.eval.humaneval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs programs on N sandboxed workers in parallel; each worker owns one {@link SandboxProcess} and takes the next
 * program as soon as it is free, so one slow sample never holds up the others.
 */
public final class SampleExecutor {
    /** Told after every finished program (from worker threads). */
    public interface Listener {
        void finished(int index, Verdict verdict);
    }

    /** Verdicts in input order, plus how many leftover processes were killed and containers restarted. */
    public record Run(List<Verdict> verdicts, long survivorsKilled, long containerRestarts) {}

    private final Sandbox sandbox;
    private final int workers;

    public SampleExecutor(Sandbox sandbox, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.sandbox = sandbox;
        this.workers = workers;
    }

    /** Waits until the cgroups of finished runs are removed (the kernel frees a sandbox's last task lazily). */
    public static void awaitCleanup() {
        PidsCgroup.awaitRemovals(10_000);
    }

    public Run run(List<String> programs, Listener listener) throws IOException, InterruptedException {
        Verdict[] verdicts = new Verdict[programs.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong survivors = new AtomicLong();
        AtomicLong restarts = new AtomicLong();
        int threads = Math.min(workers, Math.max(1, programs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "humaneval-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int slot = w;
                futures.add(pool.submit(() -> {
                    PidsCgroup cgroup = sandbox.newCgroup(slot); // one per worker, kept across restarts
                    try (SandboxProcess process = new SandboxProcess(sandbox, slot, cgroup, false)) {
                        int i;
                        while ((i = next.getAndIncrement()) < programs.size()) {
                            SandboxProcess.Outcome outcome = process.run(programs.get(i), sandbox.limits().timeoutSeconds());
                            verdicts[i] = outcome.verdict();
                            survivors.addAndGet(outcome.survivors());
                            if (outcome.containerRestarted()) {
                                restarts.incrementAndGet();
                            }
                            listener.finished(i, outcome.verdict());
                        }
                    } finally {
                        if (cgroup != null) {
                            cgroup.closeInBackground();
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(programs.size()); // stop the other workers: the run cannot be completed
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException("sample execution failed: " + cause, cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(List.of(verdicts), survivors.get(), restarts.get());
    }
}
