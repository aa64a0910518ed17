package ai.finetune.batch.worker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running worker JVM and its supervision: its stderr goes to {@code <out>/worker.log} and to the listener,
 * its stdout to {@code <out>/worker-stdout.log} (the last line is the JSON summary), {@code metrics.jsonl} is
 * tailed into the listener. Stop = the file {@code <out>/STOP} (the trainer checkpoints and exits 0), then
 * SIGTERM after a grace period (the trainer's signal handler does the same), then SIGKILL after a second one.
 */
public final class WorkerProcess implements AutoCloseable {
    public static final String STOP_FILE = "STOP";
    public static final String LOG_FILE = "worker.log";
    public static final String STDOUT_FILE = "worker-stdout.log";

    /** Receives what the worker reports, on the supervising thread. */
    public interface Listener {
        void metrics(List<String> rows);

        void log(List<String> lines);

        /** Polled while the worker runs: a stop asked for elsewhere (the run's row), not through {@link #requestStop}. */
        default boolean stopWanted() {
            return false;
        }
    }

    private final Process process;
    private final Path outDir;
    private final Listener listener;
    private final FileTail metrics;
    private final ConcurrentLinkedQueue<String> pendingLog = new ConcurrentLinkedQueue<>();
    private final Deque<String> lastLog = new ArrayDeque<>();
    private final Thread stderrPump;
    private final Thread stdoutPump;
    private volatile String lastStdout;
    private volatile boolean stopRequested;

    private WorkerProcess(Process process, Path outDir, Listener listener) throws IOException {
        this.process = process;
        this.outDir = outDir;
        this.listener = listener;
        this.metrics = new FileTail(outDir.resolve(MetricsFile.NAME));
        this.stderrPump = pump(process.getErrorStream(), outDir.resolve(LOG_FILE), true, "worker-stderr-" + pid());
        this.stdoutPump = pump(process.getInputStream(), outDir.resolve(STDOUT_FILE), false, "worker-stdout-" + pid());
    }

    /** Starts the worker; it is registered so that it dies with this JVM. */
    public static WorkerProcess start(WorkerLaunch launch, Listener listener) throws IOException {
        launch.prepareDirectories();
        Files.deleteIfExists(launch.outDir().resolve(STOP_FILE)); // a stale STOP would end the new attempt at once
        ProcessBuilder pb = new ProcessBuilder(launch.commandLine()).directory(launch.outDir().toFile());
        pb.environment().putAll(launch.environment());
        appendLine(launch.outDir().resolve(LOG_FILE), "# " + String.join(" ", launch.commandLine()));
        Process p = pb.start();
        LiveWorkers.add(p);
        return new WorkerProcess(p, launch.outDir(), listener);
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the worker to checkpoint and exit; safe from any thread, e.g. a batchlet's {@code stop()}. */
    public void requestStop() {
        stopRequested = true;
        try {
            Files.writeString(outDir.resolve(STOP_FILE), "stop requested by the portal\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            process.destroy(); // no STOP file possible: the SIGTERM handler checkpoints too
        }
    }

    /**
     * Streams metrics and log lines to the listener every {@code poll} until the worker exits; escalates a
     * requested stop to SIGTERM after {@code stopGrace} and to SIGKILL after twice that.
     */
    public WorkerOutcome supervise(Duration poll, Duration stopGrace) throws IOException, InterruptedException {
        long stopSeenAt = -1;
        try {
            while (!process.waitFor(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                deliver();
                if (!stopRequested && listener.stopWanted()) {
                    requestStop();
                }
                if (stopRequested) {
                    long now = System.nanoTime();
                    if (stopSeenAt < 0) {
                        stopSeenAt = now;
                    } else if (now - stopSeenAt > 2 * stopGrace.toNanos()) {
                        process.destroyForcibly();
                    } else if (now - stopSeenAt > stopGrace.toNanos()) {
                        process.destroy();
                    }
                }
            }
            stderrPump.join(5_000);
            stdoutPump.join(5_000);
            deliver();
            List<String> tail;
            synchronized (lastLog) {
                tail = List.copyOf(lastLog);
            }
            return new WorkerOutcome(process.exitValue(), stopRequested, lastStdout, tail);
        } finally {
            Files.deleteIfExists(outDir.resolve(STOP_FILE));
        }
    }

    private void deliver() throws IOException {
        List<String> rows = metrics.read();
        if (!rows.isEmpty()) {
            listener.metrics(rows);
        }
        List<String> lines = new ArrayList<>();
        for (String l; (l = pendingLog.poll()) != null; ) {
            lines.add(l);
        }
        if (!lines.isEmpty()) {
            listener.log(lines);
        }
    }

    /** Closes the worker's stdin as a dying portal would (the kernel does that on SIGKILL); for tests. */
    void closeParentPipe() throws IOException {
        process.getOutputStream().close();
    }

    /** Kills the worker if it still runs (the supervising thread was interrupted, the portal is undeploying). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        LiveWorkers.remove(process);
    }

    private Thread pump(InputStream in, Path file, boolean isLog, String name) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Thread t = new Thread(() -> {
            try (out; BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (isLog) {
                        pendingLog.add(line);
                        synchronized (lastLog) {
                            lastLog.addLast(line);
                            if (lastLog.size() > 50) {
                                lastLog.removeFirst();
                            }
                        }
                    } else if (!line.isBlank()) {
                        lastStdout = line;
                    }
                }
            } catch (IOException e) {
                pendingLog.add("(worker output unreadable: " + e + ")");
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void appendLine(Path file, String line) throws IOException {
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
