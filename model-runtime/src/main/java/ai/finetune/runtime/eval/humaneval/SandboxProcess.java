package ai.finetune.runtime.eval.humaneval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One worker's sandbox: a bubblewrap container (in its own pids cgroup, under its own uid) running
 * {@code sample_worker.py}, which forks a fresh process per program. If the container dies (a sample killed it) or
 * stops answering, the sample gets the reference's "timed out", the container is killed and the next
 * {@link #run} starts a new one.
 */
final class SandboxProcess implements AutoCloseable {
    /** Extra seconds the Java side waits beyond the worker's own kill deadline before killing the container. */
    private static final double WATCHDOG_SLACK_SECONDS = 5.0;

    private static final String WORKER_SOURCE = loadWorkerSource();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "humaneval-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** What one run produced: the verdict and how many processes the sample left behind (all killed). */
    record Outcome(Verdict verdict, int survivors, boolean containerRestarted) {}

    private final Sandbox sandbox;
    private final int slot;
    private Process process;
    private PidsCgroup cgroup;
    private final boolean ownsCgroup;
    private Path hostTmp;
    private Path stderrLog;
    private OutputStream toWorker;
    private BufferedReader fromWorker;
    private int served;
    private boolean restartNext;

    /** A worker in its own cgroup, removed when it closes. */
    SandboxProcess(Sandbox sandbox, int slot) throws IOException {
        this(sandbox, slot, sandbox.newCgroup(slot), true);
    }

    /** A worker in {@code cgroup} (null: none), which the caller owns when {@code ownsCgroup} is false. */
    SandboxProcess(Sandbox sandbox, int slot, PidsCgroup cgroup, boolean ownsCgroup) throws IOException {
        this.sandbox = sandbox;
        this.slot = slot;
        this.cgroup = cgroup;
        this.ownsCgroup = ownsCgroup;
        start();
    }

    private void start() throws IOException {
        stderrLog = Files.createTempFile("humaneval-sandbox-" + slot + "-", ".log");
        List<String> cmd = new ArrayList<>();
        if (cgroup != null) {
            cmd.addAll(cgroup.launchPrefix());
        }
        if (!sandbox.isolated()) {
            hostTmp = Files.createTempDirectory("humaneval-unsandboxed-");
        }
        cmd.addAll(sandbox.command(slot, WORKER_SOURCE, hostTmp));
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .directory(new java.io.File("/")) // our working directory is nobody's business inside
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        builder.environment().clear(); // the evaluator's environment (secrets included) never reaches a sample
        builder.environment().put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        builder.environment().put("LANG", "C.UTF-8");
        process = builder.start();
        toWorker = process.getOutputStream();
        fromWorker = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        served = 0;
        restartNext = false;
        String ready = readLineWithin(20.0);
        if (!"READY".equals(ready)) {
            String log = stderrTail();
            stop();
            throw new IOException("sandbox did not start" + (log.isBlank() ? "" : ": " + log.strip()));
        }
    }

    /** Runs one program; {@code timeoutSeconds} is the in-program limit, the kill follows one second later. */
    Outcome run(String program, double timeoutSeconds) throws IOException {
        boolean restarted = false;
        int limit = sandbox.limits().samplesPerSandbox();
        if (process == null || restartNext || !process.isAlive() || (limit > 0 && served >= limit)) {
            stop();
            start();
            restarted = true;
        }
        served++;
        byte[] bytes = program.getBytes(StandardCharsets.UTF_8);
        String line;
        try {
            toWorker.write(("RUN " + timeoutSeconds + " " + bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
            toWorker.write(bytes);
            toWorker.flush();
            line = readLineWithin(timeoutSeconds + SandboxLimits.GRACE_SECONDS + WATCHDOG_SLACK_SECONDS);
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            // The container died or hung: the sample left no verdict, which the reference calls "timed out".
            restartNext = true;
            stop();
            return new Outcome(Verdict.TIMEOUT, 0, true);
        }
        JsonNode answer = Jsonl.MAPPER.readTree(line);
        return new Outcome(new Verdict(answer.get("result").asText()), answer.path("survivors").asInt(), restarted);
    }

    /** Processes and threads in this worker's cgroup (the container's three plus any sample's), or -1 if none. */
    int processesInCgroup() {
        return cgroup == null ? -1 : cgroup.count();
    }

    private String readLineWithin(double seconds) throws IOException {
        Process p = process;
        ScheduledFuture<?> kill = WATCHDOG.schedule(p::destroyForcibly, (long) (seconds * 1000), TimeUnit.MILLISECONDS);
        try {
            return fromWorker.readLine();
        } finally {
            kill.cancel(false);
        }
    }

    private String stderrTail() {
        try {
            String s = Files.readString(stderrLog);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Ends the container: politely when it is idle (end of input: the worker exits, bwrap's init follows, and the
     * kernel empties the pid namespace before the outer bwrap can exit), else by SIGKILL to bwrap and everything
     * below it. Either way we wait until its processes are gone.
     */
    private void stop() {
        if (process != null) {
            List<ProcessHandle> tree = new ArrayList<>();
            try {
                if (process.isAlive() && !restartNext) {
                    toWorker.close();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                // the worker is gone already; kill below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process.isAlive()) {
                process.descendants().forEach(tree::add);
                process.destroyForcibly(); // --die-with-parent and the pid namespace take the rest down with it
                tree.forEach(ProcessHandle::destroyForcibly);
            }
            // Poll rather than onExit(): for processes that are not our children the JDK backs off for seconds.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline
                    && (process.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            process = null;
        }
        if (cgroup != null) {
            cgroup.killAll(); // anything still listed that can run (there should be nothing)
            if (ownsCgroup) {
                cgroup.closeInBackground();
                cgroup = null;
            }
        }
        if (hostTmp != null) {
            deleteTree(hostTmp);
            hostTmp = null;
        }
        if (stderrLog != null) {
            try {
                Files.deleteIfExists(stderrLog);
            } catch (IOException e) {
                // a leftover log in the temp dir is harmless
            }
            stderrLog = null;
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the unsandboxed mode's temp dir
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String loadWorkerSource() {
        try (InputStream in = SandboxProcess.class.getResourceAsStream("sample_worker.py")) {
            if (in == null) {
                throw new IllegalStateException("sample_worker.py missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read sample_worker.py", e);
        }
    }
}
