package ai.finetune.runtime.eval.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sandbox the tests run in. These tests need bubblewrap (the CI machine installs it); without it they fail
 * with the reason rather than silently skipping, because a sandbox that is never exercised proves nothing.
 */
final class SandboxFixture {
    private static Sandbox sandbox;

    static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            try {
                sandbox = Sandbox.detect(SandboxLimits.defaults());
            } catch (SandboxUnavailableException e) {
                fail("no sandbox on this machine: " + e.getMessage());
            }
        }
        return sandbox;
    }

    static Sandbox withTimeout(double seconds) {
        return sandbox().withLimits(sandbox().limits().withTimeout(seconds));
    }

    /** Runs {@code programs} on {@code workers} fresh sandboxes and returns their verdicts. */
    static List<Verdict> run(Sandbox sandbox, int workers, String... programs) throws Exception {
        return new SampleExecutor(sandbox, workers).run(List.of(programs), (i, v) -> { }).verdicts();
    }

    /** Host processes whose real uid is one of the sandbox uids, i.e. anything a sample started that is still alive. */
    static List<String> sandboxProcessesOnHost() throws IOException {
        return hostProcesses(p -> {
            for (String line : Files.readAllLines(p.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    long uid = Long.parseLong(line.split("\\s+")[1]);
                    if (uid >= Sandbox.UID_BASE && uid < Sandbox.UID_BASE + 6_400_000L
                            && !PidsCgroup.exiting(Long.parseLong(p.getFileName().toString()))) {
                        return p.getFileName() + " " + Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    }
                }
            }
            return null;
        });
    }

    /** Host processes whose command line contains {@code marker}. */
    static List<String> processesWithMarker(String marker) throws IOException {
        return hostProcesses(p -> {
            String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
            return cmd.contains(marker) ? p.getFileName() + " " + cmd : null;
        });
    }

    /** What {@link #hostProcesses} reports of one {@code /proc/<pid>} folder: a line, or null to pass it over. */
    private interface ProcessCheck {
        String describe(Path proc) throws IOException;
    }

    /** Every host process that {@code check} describes; a process that ends while we look is passed over. */
    private static List<String> hostProcesses(ProcessCheck check) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String line = check.describe(p);
                    if (line != null) {
                        found.add(line);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked: fine
                }
            }
        }
        return found;
    }

    /**
     * A sample that leaves an orphan behind: a double-forked, setsid'd {@code sleep} with {@code marker} as its
     * argument, found afterwards with {@link #processesWithMarker}.
     */
    static String orphanLeavingProgram(String marker) {
        return """
                import posix
                pid = posix.fork()
                if pid == 0:
                    posix.setsid()
                    if posix.fork() == 0:
                        posix.execv("/usr/bin/sleep", ["sleep", "%s"])
                    posix._exit(0)
                posix.waitpid(pid, 0)
                """.formatted(marker);
    }

    /** Our per-worker cgroups still present on the host (each is removed when its sandbox stops). */
    static List<String> leftoverCgroups() throws IOException {
        Path parent = sandbox().cgroupParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = ProcessHandle.current().pid() + "-w";
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        }
    }

    /**
     * No process of a sandbox uid can still run (a task in the kernel's exit path, PF_EXITING, cannot: the kernel
     * takes a second or two to tear a container's namespaces down) and every worker cgroup is gone.
     */
    static void assertNothingOutlived() throws IOException, InterruptedException {
        assertEquals(List.of(), sandboxProcessesOnHost(), "processes of sandbox uids still alive");
        SampleExecutor.awaitCleanup();
        assertEquals(List.of(), leftoverCgroups(), "worker cgroups left behind");
    }

    private SandboxFixture() {}
}
