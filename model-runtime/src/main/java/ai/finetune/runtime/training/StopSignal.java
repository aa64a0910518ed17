package ai.finetune.runtime.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the portal stops a run: SIGTERM (or Ctrl-C), or a file named {@code STOP} in the run's folder. Training
 * checks it once per step, then writes a checkpoint and exits normally.
 */
public class StopSignal {
    public static final String STOP_FILE = "STOP";
    private static final AtomicBoolean SIGNALLED = new AtomicBoolean();
    private final Path stopFile;

    public StopSignal(Path runDir) {
        this.stopFile = runDir.resolve(STOP_FILE);
    }

    /**
     * Replaces the JVM's default SIGTERM/SIGINT handling (exit) by setting a flag that {@link #requested()} reads.
     * Uses sun.misc.Signal (module jdk.unsupported); where it is missing the STOP file still works.
     */
    public static void installSignalHandlers() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                    if (SIGNALLED.getAndSet(true)) {
                        Runtime.getRuntime().halt(130); // a second signal: give up without a checkpoint
                    }
                    System.err.println("\nsignal " + s.getName() + ": checkpointing and stopping");
                });
            } catch (Throwable e) {
                System.err.println("note: cannot handle SIG" + name + " (" + e + "); use the STOP file");
            }
        }
    }

    /** True once a signal arrived or the STOP file exists. */
    public boolean requested() {
        return SIGNALLED.get() || Files.exists(stopFile);
    }

    /** Deletes the STOP file once honoured, so that a resumed run does not stop at once. */
    public void acknowledge() {
        try {
            Files.deleteIfExists(stopFile);
        } catch (java.io.IOException ignored) {
            // the run is stopping anyway; a leftover file only stops the next resume at its first step
        }
    }
}
