package ai.finetune.batch.worker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every worker process this JVM started, so that they die with it: one shutdown hook asks each to stop (SIGTERM,
 * which makes a trainer checkpoint), waits a little, then kills what is left. A portal killed with SIGKILL runs no
 * hook; its next start reaps the recorded worker pids instead (see the portal's run recovery).
 */
public final class LiveWorkers {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private LiveWorkers() {
    }

    static void add(Process p) {
        installHook();
        LIVE.add(p);
    }

    static void remove(Process p) {
        LIVE.remove(p);
    }

    public static int count() {
        return (int) LIVE.stream().filter(Process::isAlive).count();
    }

    /** SIGTERM to all, up to {@code graceMillis} for them to checkpoint, then SIGKILL. */
    public static void stopAll(long graceMillis) {
        LIVE.forEach(Process::destroy);
        long deadline = System.currentTimeMillis() + graceMillis;
        for (Process p : LIVE) {
            try {
                p.waitFor(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.destroyForcibly();
        }
        LIVE.clear();
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(10_000), "worker-reaper"));
            hookInstalled = true;
        }
    }
}
