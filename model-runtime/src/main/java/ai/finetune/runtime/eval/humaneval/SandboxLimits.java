package ai.finetune.runtime.eval.humaneval;

import java.nio.file.Path;

/**
 * Limits and knobs of sample execution; defaults in one place.
 *
 * @param python interpreter for samples (Debian's, not a user's pyenv: nothing under /home or /root is visible)
 * @param timeoutSeconds wall-clock limit inside the program (the reference's SIGALRM); the sample's whole process
 *     tree is killed {@link #GRACE_SECONDS} later, as the reference kills its child at timeout + 1 s
 * @param addressSpaceBytes RLIMIT_AS per sample process
 * @param cpuSeconds RLIMIT_CPU per sample process
 * @param fileSizeBytes RLIMIT_FSIZE per sample process
 * @param tmpBytes size of the sandbox's private /tmp (tmpfs)
 * @param maxProcesses processes and threads one sample may have at once (pids cgroup / per-uid rlimit)
 * @param samplesPerSandbox start a fresh sandbox after this many samples (0: only when one dies)
 */
public record SandboxLimits(
        Path python,
        double timeoutSeconds,
        long addressSpaceBytes,
        int cpuSeconds,
        long fileSizeBytes,
        long tmpBytes,
        int maxProcesses,
        int samplesPerSandbox) {

    /** Seconds between the in-program time limit and killing the sample's processes (the reference's +1). */
    public static final double GRACE_SECONDS = 1.0;

    public static SandboxLimits defaults() {
        return new SandboxLimits(Path.of("/usr/bin/python3"), 3.0, 2L << 30, 10, 16L << 20, 64L << 20, 32, 0);
    }

    public SandboxLimits {
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("timeout must be in (0, 3600] seconds, got " + timeoutSeconds);
        }
        if (cpuSeconds < 1 || maxProcesses < 1 || fileSizeBytes < 0 || tmpBytes < (1 << 20) || samplesPerSandbox < 0) {
            throw new IllegalArgumentException("invalid sandbox limits: " + this);
        }
    }

    public SandboxLimits withTimeout(double seconds) {
        // The CPU limit must never cut a sample short before its wall-clock limit does.
        int cpu = Math.max(cpuSeconds, (int) Math.ceil(seconds + GRACE_SECONDS) + 1);
        return new SandboxLimits(python, seconds, addressSpaceBytes, cpu, fileSizeBytes, tmpBytes, maxProcesses,
                samplesPerSandbox);
    }

    public SandboxLimits withPython(Path interpreter) {
        return new SandboxLimits(interpreter, timeoutSeconds, addressSpaceBytes, cpuSeconds, fileSizeBytes, tmpBytes,
                maxProcesses, samplesPerSandbox);
    }

    public SandboxLimits withAddressSpace(long bytes) {
        return new SandboxLimits(python, timeoutSeconds, bytes, cpuSeconds, fileSizeBytes, tmpBytes, maxProcesses,
                samplesPerSandbox);
    }

    public SandboxLimits withMaxProcesses(int n) {
        return new SandboxLimits(python, timeoutSeconds, addressSpaceBytes, cpuSeconds, fileSizeBytes, tmpBytes, n,
                samplesPerSandbox);
    }

    public SandboxLimits withSamplesPerSandbox(int n) {
        return new SandboxLimits(python, timeoutSeconds, addressSpaceBytes, cpuSeconds, fileSizeBytes, tmpBytes,
                maxProcesses, n);
    }
}
