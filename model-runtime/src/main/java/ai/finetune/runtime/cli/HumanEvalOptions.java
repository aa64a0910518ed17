package ai.finetune.runtime.cli;

import ai.finetune.runtime.eval.humaneval.Sandbox;
import ai.finetune.runtime.eval.humaneval.SandboxLimits;
import ai.finetune.runtime.eval.humaneval.SandboxUnavailableException;
import ai.finetune.runtime.eval.humaneval.Evaluation;
import ai.finetune.runtime.eval.humaneval.JsonlFormatException;
import ai.finetune.runtime.eval.humaneval.Problems;
import ai.finetune.runtime.eval.humaneval.Sample;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by the humaneval-* commands: sandbox limits, workers and k; one spelling of each. */
final class HumanEvalOptions {
    static final String SANDBOX_HELP = """
              --timeout=S                 seconds per sample before "timed out" (default 3.0; the whole process
                                          tree is killed 1 s later, as in the reference harness)
              --workers=N                 parallel sandboxes (default: number of cores)
              --python=PATH               interpreter for samples, under /usr (default /usr/bin/python3)
              --memoryMb=N                address-space limit per sample process (default 2048)
              --maxProcesses=N            processes+threads per sample (default 32)
              --samplesPerSandbox=N       start a fresh sandbox after N samples (default 0: reuse, one fork each)
              --unsafeAllowUnsandboxed=B  run samples WITHOUT a sandbox if none is available (default false)"""
            .indent(2).stripTrailing();

    static Sandbox sandbox(Options options) {
        SandboxLimits d = SandboxLimits.defaults();
        double timeout = options.decimal("timeout", d.timeoutSeconds());
        int memoryMb = options.integer("memoryMb", (int) (d.addressSpaceBytes() >> 20));
        int maxProcesses = options.integer("maxProcesses", d.maxProcesses());
        int perSandbox = options.integer("samplesPerSandbox", d.samplesPerSandbox());
        Path python = options.path("python", d.python());
        boolean unsafe = options.bool("unsafeAllowUnsandboxed", false);
        if (!(timeout > 0) || memoryMb < 64 || maxProcesses < 1 || perSandbox < 0) {
            throw new UsageException(options.command() + ": need --timeout > 0, --memoryMb >= 64, --maxProcesses >= 1, "
                    + "--samplesPerSandbox >= 0");
        }
        SandboxLimits limits = d.withTimeout(timeout).withAddressSpace((long) memoryMb << 20)
                .withMaxProcesses(maxProcesses).withSamplesPerSandbox(perSandbox).withPython(python);
        try {
            return Sandbox.detect(limits);
        } catch (SandboxUnavailableException e) {
            if (!unsafe) {
                throw new UsageException(options.command() + ": refusing to run untrusted samples without a sandbox: "
                        + e.getMessage());
            }
            System.err.println("WARNING: no sandbox (" + e.getMessage() + "); running samples UNSANDBOXED as requested");
            try {
                return Sandbox.unsandboxed(limits);
            } catch (SandboxUnavailableException e2) {
                throw new UsageException(options.command() + ": " + e2.getMessage());
            }
        }
    }

    static int workers(Options options) {
        int workers = options.integer("workers", Runtime.getRuntime().availableProcessors());
        if (workers < 1) {
            throw new UsageException(options.command() + ": --workers must be >= 1");
        }
        return workers;
    }

    /** {@code --k=1,10,100}: positive integers. */
    static List<Integer> ks(Options options, String def) {
        return positiveInts(options, "k", options.string("k", def));
    }

    static List<Integer> positiveInts(Options options, String key, String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                int k = Integer.parseInt(part.trim());
                if (k < 1) {
                    throw new NumberFormatException();
                }
                out.add(k);
            } catch (NumberFormatException e) {
                throw new UsageException(options.command() + ": --" + key + " must be positive integers separated by "
                        + "commas, got '" + value + "'");
            }
        }
        return out;
    }

    /** Evaluates with progress on stderr; an incomplete samples file is a usage error naming what is missing. */
    static Evaluation evaluate(Options options, Problems problems, List<Sample> samples, Sandbox sandbox, int workers,
                               List<Integer> ks, boolean requireComplete) throws IOException, InterruptedException {
        try {
            return Evaluation.run(problems, samples, sandbox, workers, ks, requireComplete, System.err);
        } catch (IllegalArgumentException e) {
            throw new UsageException(options.command() + ": " + e.getMessage());
        }
    }

    /** A command body, run by {@link #badInputAsUsage}. */
    interface Body {
        int run(Options options) throws Exception;
    }

    /** Runs {@code body}; a malformed or missing input file becomes a usage error of command {@code name}. */
    static int badInputAsUsage(String name, Options options, Body body) throws Exception {
        try {
            return body.run(options);
        } catch (JsonlFormatException | NoSuchFileException e) {
            throw new UsageException(name + ": " + message(e));
        }
    }

    /** A bad input file's message: JSONL errors already name file and line; a missing file names the path. */
    static String message(IOException e) {
        return e instanceof NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
    }

    private HumanEvalOptions() {}
}
