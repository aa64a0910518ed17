package ai.finetune.portal.demo;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With PORTAL_DEMO=true, seeds the demo datasets ({@link DemoDatasets}) on a start that finds no dataset at all, so
 * that a new admin can start an SFT run of the shipped base model from the form at once (the form takes the newest
 * demonstrations and base model). Observed after RunStartup's observer (which registers the base model) and, like
 * it, run on the managed executor so that the deployment does not wait for the persistence unit.
 */
@ApplicationScoped
public class DemoSeeder {
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Inject
    @ConfigProperty(name = "portal.demo", defaultValue = "false")
    boolean demo;

    @Inject
    DemoDatasets datasets;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 2000) @Initialized(ApplicationScoped.class)
                 Object event) {
        if (demo) {
            executor.execute(this::seed);
        }
    }

    void seed() {
        try {
            long t0 = System.nanoTime();
            var seeded = datasets.seedIfEmpty();
            if (seeded.isEmpty()) {
                LOG.info("PORTAL_DEMO=true: datasets exist already, no demo datasets seeded");
            } else {
                LOG.info(String.format("PORTAL_DEMO=true: seeded demo datasets %s in %d ms", seeded,
                        (System.nanoTime() - t0) / 1_000_000));
            }
        } catch (Exception e) { // the transaction rolled back: nothing of the seed is left
            LOG.log(Level.SEVERE, "Demo seeding failed, nothing seeded: " + e.getMessage(), e);
        }
    }
}
