package ai.finetune.runtime.eval.humaneval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A pids cgroup holding one worker's sandbox: {@code pids.max} caps its processes and threads whoever runs them,
 * root included (RLIMIT_NPROC does not bind root). Supports cgroup v1 (a {@code pids} hierarchy) and cgroup v2 with
 * the pids controller delegated to us.
 */
final class PidsCgroup implements AutoCloseable {
    private static final String GROUP = "finetune-humaneval";

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

    /** SIGKILLs every process in the cgroup until it is empty (or 2 s pass); returns how many it killed. */
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
            if (pids.isEmpty()) {
                return killed;
            }
            for (String pid : pids) {
                Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(pid.trim()));
                if (handle.isPresent() && handle.get().destroyForcibly()) {
                    killed++;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return killed;
            }
        }
        return killed;
    }

    Path directory() {
        return dir;
    }

    @Override
    public void close() {
        killAll();
        // A killed task leaves cgroup.procs before it is fully released; wait until the kernel counts none.
        for (int i = 0; i < 200 && count() > 0; i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (int i = 0; i < 100; i++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                // rmdir fails while the kernel is still tearing down the last process; try again shortly
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
