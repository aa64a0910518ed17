package ai.finetune.runtime.eval.humaneval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile samples: each is contained and reported, the host is untouched, and nothing outlives the sample.
 * Programs use the {@code posix} module directly because the reference's guard only blanks {@code os.*} names;
 * the sandbox, not the guard, must hold. Timeout 1 s to keep the suite fast.
 */
class HostileCodeTest {
    private static final double TIMEOUT = 1.0;

    @TempDir
    Path hostDir;

    private static Sandbox sandbox() {
        return SandboxFixture.withTimeout(TIMEOUT);
    }

    private static Verdict runOne(String program) throws Exception {
        return SandboxFixture.run(sandbox(), 1, program).get(0);
    }

    @AfterEach
    void nothingOutlivesTheSample() throws Exception {
        SandboxFixture.assertNothingOutlived();
    }

    @Test
    void forkBombIsCappedAndDoesNotStarveAnotherWorker() throws Exception {
        String counting = """
                import posix, time
                n = 0
                try:
                    while True:
                        if posix.fork() == 0:
                            time.sleep(30)
                            posix._exit(0)
                        n += 1
                except OSError as e:
                    raise Exception(f"forked {n}")
                """;
        Verdict v = runOne(counting);
        int forked = Integer.parseInt(v.result().replace("failed: forked ", ""));
        // A cgroup or a dedicated uid caps the sample exactly; an ordinary user's RLIMIT_NPROC is a snapshot of
        // what that user already runs, so allow it the few tasks that come and go meanwhile.
        int slack = sandbox().description().contains("RLIMIT_NPROC") && !sandbox().description().contains("cgroup") ? 8 : 0;
        assertTrue(forked > 0 && forked <= sandbox().limits().maxProcesses() + slack, v.result());

        String bomb = "import posix\nwhile True:\n    try:\n        posix.fork()\n    except OSError:\n        pass\n";
        String[] programs = new String[21];
        programs[0] = bomb;
        for (int i = 1; i < programs.length; i++) {
            programs[i] = "import time\nt = time.time()\nassert sum(range(10000)) == 49995000\n";
        }
        long start = System.nanoTime();
        List<Verdict> verdicts = SandboxFixture.run(sandbox(), 2, programs);
        assertEquals("timed out", verdicts.get(0).result());
        assertEquals(20, verdicts.subList(1, 21).stream().filter(Verdict::passed).count(), verdicts.toString());
        assertTrue((System.nanoTime() - start) / 1e9 < 15, "the bomb's neighbour must not be starved");
    }

    @Test
    void infiniteLoopTimesOut() throws Exception {
        long start = System.nanoTime();
        assertEquals("timed out", runOne("while True:\n    pass\n").result());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= TIMEOUT && seconds < TIMEOUT + SandboxLimits.GRACE_SECONDS + 3, "took " + seconds);
    }

    @Test
    void sleepingPastTheTimeoutTimesOut() throws Exception {
        long start = System.nanoTime();
        assertEquals("timed out", runOne("import time\ntime.sleep(60)\n").result());
        assertTrue((System.nanoTime() - start) / 1e9 < TIMEOUT + SandboxLimits.GRACE_SECONDS + 3);
    }

    @Test
    void allocatingTenGigabytesFails() throws Exception {
        assertEquals("failed: ", runOne("x = bytearray(10 * 1024 ** 3)\n").result()); // MemoryError()
        Verdict gradual = runOne("chunks = []\nfor i in range(100):\n    chunks.append(bytearray(100 * 1024 ** 2))\n");
        assertFalse(gradual.passed(), gradual.result());
    }

    @Test
    void writingOutsideTmpFailsAndReachesNothingOnTheHost() throws Exception {
        Path hostTarget = hostDir.resolve("written-by-sample");
        String program = """
                import posix
                ok = []
                for p in ["/tmp/inside-ok", "/usr/evil", "/evil", "/etc/evil", "/root/evil", "/proc/evil", "%s"]:
                    try:
                        with open(p, "w") as f:
                            f.write("x")
                        ok.append(p)
                    except OSError:
                        pass
                raise Exception(ok)
                """.formatted(hostTarget);
        // /tmp works inside (so the probe can see a success), every other place fails
        assertEquals("failed: ['/tmp/inside-ok']", runOne(program).result());
        assertFalse(Files.exists(hostTarget));
        assertFalse(Files.exists(Path.of("/evil")));
        assertFalse(Files.exists(Path.of("/usr/evil")));
    }

    @Test
    void deletingFilesFailsAndTheHostKeepsThem() throws Exception {
        Path victim = Files.writeString(hostDir.resolve("victim.txt"), "keep me");
        // unlink/rmdir on a read-only mount fail with EROFS before the name is even looked up: a safe probe of /usr
        String program = """
                import posix, errno
                out = []
                for call, p in [(posix.unlink, "%s"), (posix.rmdir, "%s"), (posix.unlink, "/usr/no-such-file"),
                                (posix.rmdir, "/usr/share"), (posix.rename, None)]:
                    try:
                        if call is posix.rename:
                            posix.rename("/usr/share", "/usr/share2")
                        else:
                            call(p)
                        out.append("deleted " + str(p))
                    except OSError as e:
                        out.append(errno.errorcode[e.errno])
                raise Exception(out)
                """.formatted(victim, hostDir);
        assertEquals("failed: ['ENOENT', 'ENOENT', 'EROFS', 'EROFS', 'EROFS']", runOne(program).result());
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void theEvaluatorsEnvironmentIsInvisible() throws Exception {
        String program = """
                import posix
                seen = sorted(posix.environ.items())
                others = []
                for pid in posix.listdir("/proc"):
                    if pid.isdigit():
                        try:
                            with open("/proc/" + pid + "/environ", "rb") as f:
                                others.append(f.read().decode("utf-8", "replace"))
                        except OSError:
                            pass
                raise Exception(repr(seen) + " " + repr(others))
                """;
        String result = runOne(program).result();
        assertTrue(result.startsWith("failed: [(b'LANG', b'C.UTF-8'), (b'OMP_NUM_THREADS', b'1'), (b'PATH', b'/usr/bin:/bin'), (b'PWD', b'/tmp')]"),
                result);
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!Set.of("PATH", "LANG", "PWD").contains(e.getKey())) { // names the sandbox sets itself
                assertFalse(result.contains(e.getKey() + "="), "leaked " + e.getKey());
                if (e.getValue().length() >= 8) {
                    assertFalse(result.contains(e.getValue()), "leaked the value of " + e.getKey());
                }
            }
        }
    }

    @Test
    void onlyWhatPythonNeedsIsVisible() throws Exception {
        Path secret = Files.writeString(hostDir.resolve("secret.txt"), "portal data");
        String program = """
                import posix
                visible = []
                for d in ["/root", "/home", "/work", "/etc", "/var", "/opt", "/mnt", "/sys", "%s", "%s"]:
                    try:
                        posix.listdir(d)
                        visible.append(d)
                    except OSError:
                        pass
                try:
                    open("%s").read()
                    visible.append("secret")
                except OSError:
                    pass
                raise Exception(sorted(posix.listdir("/")) + visible)
                """.formatted(System.getProperty("user.dir"), System.getProperty("user.home"), secret);
        String result = runOne(program).result();
        assertTrue(result.startsWith("failed: ["), result);
        Set<String> allowed = Set.of("'bin'", "'dev'", "'lib'", "'lib32'", "'lib64'", "'libx32'", "'proc'", "'sbin'",
                "'tmp'", "'usr'");
        for (String entry : result.substring("failed: [".length(), result.length() - 1).split(", ")) {
            assertTrue(allowed.contains(entry), "visible inside the sandbox: " + entry + " in " + result);
        }
    }

    @Test
    void aListenerOnTheHostsLoopbackCannotBeReached() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String program = """
                    import socket
                    try:
                        socket.create_connection(("127.0.0.1", %d), timeout=0.5)
                    except OSError as e:
                        raise Exception(type(e).__name__)
                    """.formatted(server.getLocalPort());
            assertEquals("failed: ConnectionRefusedError", runOne(program).result());
            assertThrows(SocketTimeoutException.class, server::accept, "a sample reached the host's listener");
        }
    }

    @Test
    void onlyLoopbackIsVisible() throws Exception {
        assertEquals("failed: [(1, 'lo')]", runOne("import socket\nraise Exception(socket.if_nameindex())\n").result());
    }

    @Test
    void osExitIsReportedAsTheReferenceDoes() throws Exception {
        try (SandboxProcess process = new SandboxProcess(sandbox(), 0)) {
            long start = System.nanoTime();
            assertEquals("timed out", process.run("import os\nos._exit(0)\n", TIMEOUT).verdict().result());
            assertTrue((System.nanoTime() - start) / 1e9 < TIMEOUT, "os._exit ends the sample at once");
            assertEquals("passed", process.run("assert True\n", TIMEOUT).verdict().result());
        }
    }

    @Test
    void killingTheParentOrEverythingEndsOnlyTheSandbox() throws Exception {
        Process hostSleeper = new ProcessBuilder("sleep", "30").start(); // a host process kill(-1) must not reach
        try {
            List<Verdict> v = SandboxFixture.run(sandbox(), 1,
                    "import posix, signal\nposix.kill(posix.getppid(), signal.SIGKILL)\nimport time\ntime.sleep(5)\n",
                    "assert True\n",
                    "import posix, signal\nposix.kill(-1, signal.SIGKILL)\nimport time\ntime.sleep(5)\n",
                    "assert 2 + 2 == 4\n");
            assertEquals(List.of("timed out", "passed", "timed out", "passed"), v.stream().map(Verdict::result).toList());
            assertTrue(hostSleeper.isAlive(), "a host process was killed");
        } finally {
            hostSleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBackgroundProcessDoesNotOutliveItsSample() throws Exception {
        String marker = "313." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String program = SandboxFixture.orphanLeavingProgram(marker);
        SampleExecutor.Run run = new SampleExecutor(sandbox(), 1).run(List.of(program, program), (i, v) -> { });
        assertEquals(List.of("passed", "passed"), run.verdicts().stream().map(Verdict::result).toList());
        assertEquals(2, run.survivorsKilled(), "each sample's orphan is killed when the sample ends");
        assertEquals(List.of(), SandboxFixture.processesWithMarker(marker));
    }

    @Test
    void printingAGigabyteGoesNowhere() throws Exception {
        String program = """
                import os, sys
                chunk = "x" * (1 << 20)
                for i in range(1024):
                    os.write(1, b"y" * (1 << 20))
                    os.write(2, b"z" * (1 << 20))
                for i in range(1024):
                    print(chunk)
                raise Exception("printed")
                """;
        Verdict v = runOne(program);
        assertTrue(Set.of("failed: printed", "timed out", "failed: ").contains(v.result()), v.result());
    }

    @Test
    void withoutBubblewrapEvaluationIsRefused() {
        System.setProperty("humaneval.bwrap", hostDir.resolve("no-bwrap").toString());
        try {
            SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class,
                    () -> Sandbox.detect(SandboxLimits.defaults()));
            assertTrue(e.getMessage().contains("bubblewrap"), e.getMessage());
            assertTrue(e.getMessage().contains("--unsafeAllowUnsandboxed=true"), e.getMessage());
        } finally {
            System.clearProperty("humaneval.bwrap");
        }
    }
}
