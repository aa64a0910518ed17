package ai.finetune.batch.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds {@code model-runtime.jar}, the worker the jobs launch. {@code PORTAL_WORKER_JAR} (or the system property
 * {@code portal.worker.jar}) wins; otherwise the build's own output next to the working directory, so that the
 * README's single run command needs no extra step.
 */
public final class WorkerJar {
    public static final String ENV = "PORTAL_WORKER_JAR";
    public static final String PROPERTY = "portal.worker.jar";
    static final String NAME = "model-runtime.jar";

    private WorkerJar() {
    }

    public static Path locate() {
        return locate(System.getenv(), System.getProperties(), Path.of("").toAbsolutePath());
    }

    /** The configured jar (which must exist), else the first of {@link #candidates} that exists. */
    public static Path locate(Map<String, String> env, Properties sys, Path workingDir) {
        String configured = sys.getProperty(PROPERTY, env.get(ENV));
        if (configured != null && !configured.isBlank()) {
            Path jar = workingDir.resolve(configured).normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(ENV + " names " + jar + ", which is not a file");
            }
            return jar;
        }
        List<Path> candidates = candidates(workingDir);
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("model-runtime.jar not found; looked at " + candidates + ". Build it with "
                + "'mvn -pl model-runtime package' or set " + ENV);
    }

    /** Where a checkout or an unpacked distribution keeps the worker jar, nearest first. */
    static List<Path> candidates(Path workingDir) {
        List<Path> c = new ArrayList<>();
        for (Path dir = workingDir; dir != null && c.size() < 9; dir = dir.getParent()) {
            c.add(dir.resolve("model-runtime").resolve("target").resolve(NAME));
            c.add(dir.resolve("lib").resolve(NAME));
            c.add(dir.resolve(NAME));
        }
        return c.stream().map(Path::normalize).toList();
    }
}
