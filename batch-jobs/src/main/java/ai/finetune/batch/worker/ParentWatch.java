package ai.finetune.batch.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Main class of a worker JVM started by the portal: runs model-runtime's own CLI entry point
 * ({@code ai.finetune.runtime.cli.Main.run}, the same as {@code java -jar model-runtime.jar}) and watches its
 * stdin, a pipe whose other end only the portal holds. When the portal dies, even by SIGKILL, the kernel closes
 * that pipe: the worker then writes its STOP file (a trainer checkpoints and exits cleanly) and halts after a
 * grace period whatever it was doing. So no worker outlives the portal that supervised it.
 *
 * <p>Uses only the JDK and reflection: the portal copies this one class next to the run folder and puts it on
 * the worker's class path before model-runtime.jar.
 */
public final class ParentWatch {
    public static final String STOP_FILE_PROPERTY = "worker.stopFile";
    public static final String GRACE_PROPERTY = "worker.orphanGraceSeconds";
    static final String CLI_MAIN = "ai.finetune.runtime.cli.Main";

    private ParentWatch() {
    }

    public static void main(String[] args) throws Exception {
        String stopFile = System.getProperty(STOP_FILE_PROPERTY);
        long graceMillis = Long.getLong(GRACE_PROPERTY, 60) * 1000;
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the portal never writes; any byte is ignored
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as EOF: the portal is gone
            }
            if (stopFile != null) {
                try {
                    Files.writeString(Path.of(stopFile), "the portal that started this worker is gone\n",
                            StandardCharsets.UTF_8);
                } catch (IOException ignored) {
                    // no STOP file possible: the halt below still ends the worker
                }
            }
            try {
                Thread.sleep(graceMillis);
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(143);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        int code = (int) Class.forName(CLI_MAIN).getMethod("run", String[].class).invoke(null, (Object) args);
        System.exit(code);
    }

    /**
     * Copies this class's bytes under {@code dir} (as a class-path folder), so the worker can load it without the
     * portal's jars: returns {@code dir}.
     */
    static Path install(Path dir) throws IOException {
        String resource = ParentWatch.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (var in = ParentWatch.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot read " + resource + " from the portal's class loader");
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }
}
