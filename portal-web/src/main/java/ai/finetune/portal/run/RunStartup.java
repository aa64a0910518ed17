package ai.finetune.portal.run;

import ai.finetune.batch.worker.LiveWorkers;
import ai.finetune.portal.model.ModelKind;
import ai.finetune.portal.model.ModelRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After the database is migrated (this observer runs after PortalStartup's): registers the shipped base model,
 * marks runs left RUNNING by a portal that died as FAILED (interrupted, restartable) and kills their orphaned
 * workers, then starts the queue. On undeploy, running workers are asked to checkpoint and are stopped.
 */
@ApplicationScoped
public class RunStartup {
    private static final Logger LOG = Logger.getLogger(RunStartup.class.getName());

    @Inject
    RunService runs;

    @Inject
    RunQueue queue;

    @Inject
    ModelRegistry models;

    @Resource
    ManagedExecutorService executor;

    /** PORTAL_BASE_MODEL: the base model folder to register; default models/base-python of the checkout. */
    @Inject
    @ConfigProperty(name = "portal.base.model")
    Optional<String> baseModel;

    /**
     * Runs the recovery on the default managed executor: the first JPA use builds the persistence unit (a second
     * or more on a busy machine), and the deployment, with it the first answers to requests, must not wait for it.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
                 Object event) {
        executor.execute(this::recover);
    }

    void recover() {
        try {
            registerBaseModel();
            for (TrainingRun r : runs.interrupted()) {
                killOrphan(r);
                runs.markInterrupted(r.getId());
                LOG.warning("Run " + r.getId() + " was running when the portal stopped; marked interrupted");
            }
            queue.dispatch();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Run start-up failed: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stopWorkers() {
        LiveWorkers.stopAll(10_000);
    }

    private void registerBaseModel() {
        Path dir = baseModel.map(Path::of).orElseGet(RunStartup::findShippedBaseModel);
        if (dir == null) {
            LOG.info("No shipped base model found (models/base-python); set PORTAL_BASE_MODEL to register one");
            return;
        }
        models.registerFolder(dir.getFileName().toString(), ModelKind.BASE, dir).ifPresentOrElse(
                m -> LOG.info("Base model '" + m.getName() + "' at " + m.getPath()),
                () -> LOG.warning(dir + " is not a checkpoint folder (config.json, model.safetensors, tokenizer.json)"));
    }

    static Path findShippedBaseModel() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("models").resolve("base-python");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A worker of the dead portal still training: it is ours if its command line names this run's folder. */
    private static void killOrphan(TrainingRun r) {
        if (r.getWorkerPid() == null || r.getOutDir() == null) {
            return;
        }
        ProcessHandle.of(r.getWorkerPid()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(r.getOutDir())).orElse(false))
                .ifPresent(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                    LOG.warning("Stopped the orphaned worker " + p.pid() + " of run " + r.getId());
                });
    }
}
