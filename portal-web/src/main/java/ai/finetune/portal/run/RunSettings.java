package ai.finetune.portal.run;

import ai.finetune.batch.worker.WorkerJar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where runs live and how workers start: {@code PORTAL_DATA_DIR}/runs/&lt;id&gt;, the workers' DJL cache under
 * the data dir, {@code PORTAL_WORKER_THREADS} (PyTorch threads, set explicitly), {@code PORTAL_WORKER_DEVICE}
 * (cpu or gpu; one run at a time per device), {@code PORTAL_WORKER_JAR}.
 */
@ApplicationScoped
public class RunSettings {
    @Inject
    @ConfigProperty(name = "portal.data.dir", defaultValue = "./portal-data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "portal.worker.threads")
    Optional<Integer> threads;

    @Inject
    @ConfigProperty(name = "portal.worker.device", defaultValue = "cpu")
    String device;

    @Inject
    @ConfigProperty(name = "portal.worker.stop.grace.seconds", defaultValue = "60")
    int stopGraceSeconds;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path runsDir() {
        return dataDir().resolve("runs");
    }

    /** PORTAL_WORKER_DJL_CACHE: where workers unpack libtorch (448 MB, once); default under the data dir. */
    @Inject
    @ConfigProperty(name = "portal.worker.djl.cache")
    Optional<String> djlCache;

    public Path djlCache() {
        return djlCache.map(Path::of).orElse(dataDir().resolve("djl-cache")).toAbsolutePath();
    }

    /** Defaults to the cores up to 4: more rarely helps a small model and starves the web threads. */
    public int threads() {
        return threads.orElse(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public String device() {
        return device;
    }

    public int stopGraceSeconds() {
        return stopGraceSeconds;
    }

    public Path workerJar() {
        return WorkerJar.locate();
    }

    public Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
