package ai.finetune.runtime.eval.humaneval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How sample processes are contained on this host. A sandbox is a bubblewrap container per worker:
 * <ul>
 *   <li>every namespace unshared (user, pid, network with only loopback, ipc, uts, cgroup), no capabilities, no
 *       nested user namespaces, a new session (no terminal injection), killed with its parent;</li>
 *   <li>a file system of read-only binds of {@code /usr} and the {@code /lib*}, {@code /bin} links only, its own
 *       {@code /proc} and minimal {@code /dev}, a private size-limited tmpfs {@code /tmp}: no /etc, /home, /root,
 *       /work or data directory;</li>
 *   <li>a cleared environment;</li>
 *   <li>a process cap that binds root: a pids cgroup per worker, and where we are root also a distinct
 *       unprivileged uid per worker (so RLIMIT_NPROC binds too and no sample runs as root, even namespaced);</li>
 *   <li>per-sample rlimits (CPU seconds, address space, file size) and kill of the sample's whole process tree
 *       (sample_worker.py).</li>
 * </ul>
 * {@link #detect} finds bubblewrap, the cgroup and the uid drop and proves them with a trial run; without a working
 * sandbox it refuses with a message, and only {@link #unsandboxed} (explicitly requested by the user) runs samples
 * on the bare host.
 */
public final class Sandbox {
    /** Base of the per-worker uids; far above any uid a distribution hands out. */
    static final int UID_BASE = 1_500_000_000;

    private final SandboxLimits limits;
    private final Path bwrap;
    private final Path cgroupParent;
    private final Path setpriv;
    private final String description;

    private Sandbox(SandboxLimits limits, Path bwrap, Path cgroupParent, Path setpriv, String description) {
        this.limits = limits;
        this.bwrap = bwrap;
        this.cgroupParent = cgroupParent;
        this.setpriv = setpriv;
        this.description = description;
    }

    /**
     * Finds and verifies a sandbox for {@code limits}.
     *
     * @throws SandboxUnavailableException naming what is missing (bubblewrap, a process cap, user namespaces)
     */
    public static Sandbox detect(SandboxLimits limits) throws SandboxUnavailableException {
        requirePython(limits, true);
        // -Dhumaneval.bwrap=PATH names another bubblewrap binary (or, in tests, a missing one).
        String override = System.getProperty("humaneval.bwrap");
        Optional<Path> found = override == null ? onPath("bwrap")
                : Optional.of(Path.of(override)).filter(Files::isExecutable);
        Path bwrap = found.orElseThrow(() -> new SandboxUnavailableException(
                "bubblewrap (bwrap) is not installed; install it (Debian/Ubuntu: apt-get install -y bubblewrap) or, "
                        + "at your own risk, allow unsandboxed execution (--unsafeAllowUnsandboxed=true)"));
        Optional<Path> cgroup = PidsCgroup.parentDirectory();
        boolean root = isRoot();
        Optional<Path> setpriv = root ? onPath("setpriv") : Optional.empty();
        List<String> failures = new ArrayList<>();
        // Strongest first: cgroup and own uid; then either one alone. Each candidate must pass a trial run.
        List<Sandbox> candidates = new ArrayList<>();
        if (cgroup.isPresent() && setpriv.isPresent()) {
            candidates.add(new Sandbox(limits, bwrap, cgroup.get(), setpriv.get(), "bubblewrap, pids cgroup, unprivileged uid per worker"));
        }
        if (cgroup.isPresent()) {
            candidates.add(new Sandbox(limits, bwrap, cgroup.get(), null, "bubblewrap, pids cgroup per worker"));
        }
        if (setpriv.isPresent()) {
            candidates.add(new Sandbox(limits, bwrap, null, setpriv.get(), "bubblewrap, unprivileged uid per worker (RLIMIT_NPROC)"));
        }
        if (!root) {
            // We already are an unprivileged uid: RLIMIT_NPROC binds us (shared with our other processes, though).
            candidates.add(new Sandbox(limits, bwrap, cgroup.orElse(null), null, cgroup.isPresent()
                    ? "bubblewrap, pids cgroup per worker, unprivileged" : "bubblewrap, unprivileged (RLIMIT_NPROC)"));
        }
        if (candidates.isEmpty()) {
            throw new SandboxUnavailableException("no process cap that binds root: no writable pids cgroup "
                    + "(/sys/fs/cgroup/pids or a delegated cgroup v2) and no setpriv to drop to an unprivileged uid");
        }
        for (Sandbox candidate : candidates) {
            try {
                candidate.selfTest();
                return candidate;
            } catch (IOException e) {
                failures.add(candidate.description + ": " + e.getMessage());
            }
        }
        throw new SandboxUnavailableException("bubblewrap is installed but no sandbox could be started here:\n  "
                + String.join("\n  ", failures));
    }

    /**
     * Runs samples on the bare host with rlimits only: no namespaces, no file system or network isolation. Only for
     * an explicit user request.
     */
    public static Sandbox unsandboxed(SandboxLimits limits) throws SandboxUnavailableException {
        requirePython(limits, false);
        return new Sandbox(limits, null, null, null, "NONE (unsandboxed, rlimits only)");
    }

    public boolean isolated() {
        return bwrap != null;
    }

    public String description() {
        return description;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** A fresh sandbox of the same kind with other limits (e.g. another timeout), without re-detecting. */
    public Sandbox withLimits(SandboxLimits other) {
        return new Sandbox(other, bwrap, cgroupParent, setpriv, description);
    }

    Path cgroupParent() {
        return cgroupParent;
    }

    /**
     * A new pids cgroup for one worker, or null where this sandbox has none. Its limit adds the worker's own three
     * processes (outer bwrap, bwrap's init, the Python worker) to the sample's allowance. (Right after a container
     * was killed, its last task may count for a second or two while the kernel tears it down.)
     */
    PidsCgroup newCgroup(int slot) throws IOException {
        if (cgroupParent == null) {
            return null;
        }
        return PidsCgroup.create(cgroupParent, ProcessHandle.current().pid() + "-w" + slot + "-" + System.nanoTime(),
                limits.maxProcesses() + 3);
    }

    /** The command line that starts sample_worker.py for worker {@code slot}, after any cgroup prefix. */
    List<String> command(int slot, String workerSource, Path hostTmp) {
        List<String> cmd = new ArrayList<>();
        boolean dedicatedUid = setpriv != null;
        if (dedicatedUid) {
            int uid = workerUid(slot);
            cmd.addAll(List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        String tmp;
        if (bwrap != null) {
            cmd.addAll(List.of(bwrap.toString(),
                    "--unshare-all", "--unshare-user", "--disable-userns", "--cap-drop", "ALL",
                    "--die-with-parent", "--new-session", "--hostname", "sandbox",
                    "--ro-bind", "/usr", "/usr"));
            for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
                Path p = Path.of(top);
                if (Files.isSymbolicLink(p)) {
                    try {
                        cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                    } catch (IOException e) {
                        // unreadable link: leave it out; Python only needs /usr and the loader
                    }
                } else if (Files.isDirectory(p)) {
                    cmd.addAll(List.of("--ro-bind", top, top));
                }
            }
            cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev",
                    "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                    "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
                    "--chdir", "/tmp",
                    "--remount-ro", "/", // bwrap's root is a tmpfs: make it read-only, only /tmp stays writable
                    "--"));
            tmp = "/tmp";
        } else {
            tmp = hostTmp.toString();
        }
        int nproc = nprocLimit(dedicatedUid);
        cmd.addAll(List.of(limits.python().toString(), "-I", "-S", "-c", workerSource,
                Long.toString(limits.addressSpaceBytes()), Integer.toString(limits.cpuSeconds()),
                Long.toString(limits.fileSizeBytes()), Integer.toString(nproc), tmp));
        return cmd;
    }

    /**
     * RLIMIT_NPROC for sample processes (0: leave unset). It counts every task of the real uid, so: under a dedicated
     * worker uid, the container's three, the sample's allowance and two for a previous container still being torn
     * down; as an ordinary user without a cgroup, what that user runs already plus the allowance (a snapshot:
     * weaker than a cgroup, the best a non-root user without one can do); as root (exempt) nothing.
     */
    private int nprocLimit(boolean dedicatedUid) {
        if (dedicatedUid) {
            return limits.maxProcesses() + 5;
        }
        if (isRoot() || cgroupParent != null) {
            return 0;
        }
        return tasksOfCurrentUser() + limits.maxProcesses() + 3;
    }

    private static int tasksOfCurrentUser() {
        String me = null;
        int tasks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String uid = null;
                    int threads = 0;
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            uid = line.split("\\s+")[1];
                        } else if (line.startsWith("Threads:")) {
                            threads = Integer.parseInt(line.split("\\s+")[1]);
                        }
                    }
                    if (me == null) {
                        me = Files.readAllLines(Path.of("/proc/self/status")).stream()
                                .filter(l -> l.startsWith("Uid:")).findFirst().map(l -> l.split("\\s+")[1]).orElse("");
                    }
                    if (me.equals(uid)) {
                        tasks += threads;
                    }
                } catch (IOException | RuntimeException e) {
                    // gone while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return tasks;
    }

    static int workerUid(int slot) {
        // Distinct per worker and per evaluator process, so two evaluations never share a uid.
        return UID_BASE + (int) (ProcessHandle.current().pid() % 100_000) * 64 + (slot % 64);
    }

    private void selfTest() throws IOException {
        try (SandboxProcess process = new SandboxProcess(this, 1_000_000 + (int) (Math.random() * 1000))) {
            Verdict v = process.run("assert 1 + 1 == 2\n", 5.0).verdict();
            if (!v.passed()) {
                throw new IOException("trial program did not pass: " + v.result());
            }
        }
    }

    private static void requirePython(SandboxLimits limits, boolean sandboxed) throws SandboxUnavailableException {
        if (!Files.isExecutable(limits.python())) {
            throw new SandboxUnavailableException("python interpreter for samples not found: " + limits.python()
                    + " (give one under /usr with --python=...)");
        }
        if (sandboxed && !limits.python().toAbsolutePath().normalize().startsWith("/usr/")) {
            throw new SandboxUnavailableException("python interpreter " + limits.python() + " is outside /usr; only "
                    + "/usr is visible inside the sandbox (use the system python, e.g. /usr/bin/python3)");
        }
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return description;
    }
}
