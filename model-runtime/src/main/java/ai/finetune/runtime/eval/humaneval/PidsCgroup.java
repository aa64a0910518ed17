package ai.finetune.runtime.eval.humaneval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pids cgroup holding one worker's sandbox: {@code pids.max} caps its processes and threads whoever runs them,
 * root included (RLIMIT_NPROC does not bind root). Supports cgroup v1 (a {@code pids} hierarchy) and cgroup v2 with
 * the pids controller delegated to us.
 */
final class PidsCgroup implements AutoCloseable {
    private static final String GROUP = "finetune-humaneval";
    private static final Set<PidsCgroup> PENDING = ConcurrentHashMap.newKeySet();

    static {
        // The CLI ends with System.exit: give background removals a moment so no empty cgroup is left behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitRemovals(5000), "humaneval-cgroup-exit"));
    }

    private final Path dir;

    private PidsCgroup(Path dir) {
        this.dir = dir;
    }

    /** The writable directory under which per-worker cgroups can be made, if this host has one. */
    static Optional<Path> parentDirectory() {
        Path v1 = Path.of("/sys/fs/cgroup/pids");
        if (Files.isRegularFile(v1.resolve("cgroup.procs"))) {
            return usable(v1.resolve(GROUP), false);
        }
        Path v2 = Path.of("/sys/fs/cgroup");
        try {
            if (Files.isRegularFile(v2.resolve("cgroup.controllers"))
                    && Files.readString(v2.resolve("cgroup.controllers")).contains("pids")) {
                return usable(v2.resolve(GROUP), true);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Path> usable(Path parent, boolean v2) {
        try {
            Files.createDirectories(parent);
            if (v2) {
                Files.writeString(parent.resolve("cgroup.subtree_control"), "+pids");
            }
            Path probe = Files.createTempDirectory(parent, "probe-");
            boolean ok = Files.isRegularFile(probe.resolve("pids.max"));
            Files.delete(probe);
            return ok ? Optional.of(parent) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Makes a new cgroup under {@code parent} allowing {@code maxPids} processes and threads. */
    static PidsCgroup create(Path parent, String name, int maxPids) throws IOException {
        Path dir = parent.resolve(name);
        Files.createDirectory(dir);
        Files.writeString(dir.resolve("pids.max"), Integer.toString(maxPids));
        return new PidsCgroup(dir);
    }

    /** Command prefix that moves the launched process into this cgroup before it execs the rest of the line. */
    List<String> launchPrefix() {
        return List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", dir.resolve("cgroup.procs").toString());
    }

    /** Processes and threads in the cgroup now. */
    int count() {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("pids.current")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * SIGKILLs every process in the cgroup until none is left that can still run user code (2 s at most); returns
     * how many it signalled. Tasks already in the kernel's exit path are not waited for here (see {@link #close}).
     */
    int killAll() {
        int killed = 0;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> pids;
            try {
                pids = Files.readAllLines(dir.resolve("cgroup.procs"), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                return killed;
            }
            boolean live = false;
            for (String pid : pids) {
                long id = Long.parseLong(pid.trim());
                if (exiting(id)) {
                    continue;
                }
                live = true;
                Optional<ProcessHandle> handle = ProcessHandle.of(id);
                if (handle.isPresent() && handle.get().destroyForcibly()) {
                    killed++;
                }
            }
            if (!live) {
                return killed;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return killed;
            }
        }
        return killed;
    }

    /**
     * True when the task is in the kernel's exit path (PF_EXITING in /proc/PID/stat) or gone: it will never run
     * user code again. A sandbox's last task spends a second or two there on this kind of VM while the kernel tears
     * its namespaces down.
     */
    static boolean exiting(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long flags = Long.parseLong(fields[6]); // field 9 of stat; fields[0] is field 3 (state)
            return (flags & 0x4) != 0 || fields[0].equals("Z") || fields[0].equals("X");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    Path directory() {
        return dir;
    }

    @Override
    public void close() {
        killAll();
        removeWhenEmpty();
    }

    /**
     * Kills what is left now and removes the cgroup on a background thread once the kernel has released its last
     * task, so a caller does not wait for namespace teardown; {@link #awaitRemovals} waits for all of them.
     */
    void closeInBackground() {
        killAll();
        PENDING.add(this);
        Thread t = new Thread(() -> {
            try {
                removeWhenEmpty();
            } finally {
                PENDING.remove(this);
            }
        }, "humaneval-cgroup-cleanup");
        t.setDaemon(true);
        t.start();
    }

    /** Waits (at most {@code millis}) until every cgroup closed in the background is removed. */
    static void awaitRemovals(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!PENDING.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void removeWhenEmpty() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Files.deleteIfExists(dir); // rmdir: fails while the kernel still counts a task in the group
                return;
            } catch (IOException e) {
                killAll();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
