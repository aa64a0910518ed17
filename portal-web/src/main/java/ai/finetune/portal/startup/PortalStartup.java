package ai.finetune.portal.startup;

import ai.finetune.portal.db.Migrations;
import ai.finetune.portal.db.PortalDataSource;
import ai.finetune.portal.security.RandomPasswords;
import ai.finetune.portal.users.Role;
import ai.finetune.portal.users.UserRepository;
import ai.finetune.portal.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up, in order: migrate the database (Flyway, sql/), create the first admin on an empty user table, the
 * demo users when asked, then report ready (see {@code DatabaseReadinessCheck}). A failure stops the deployment.
 */
@ApplicationScoped
public class PortalStartup {

    private static final Logger LOG = Logger.getLogger(PortalStartup.class.getName());
    public static final String ADMIN_USERNAME = "admin";

    @Inject
    @PortalDataSource
    DataSource dataSource;

    @Inject
    UserRepository users;

    @Inject
    UserService userService;

    @Inject
    @ConfigProperty(name = "portal.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "portal.demo", defaultValue = "false")
    boolean demo;

    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long start = System.nanoTime();
        try {
            Migrations.migrate(dataSource);
            startBatchRuntime();
            createFirstAdmin();
            if (demo) {
                createDemoUsers();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Portal start-up failed: " + e.getMessage(), e);
            throw e;
        }
        ready = true;
        LOG.info(() -> String.format("Portal ready (start-up work took %d ms)", (System.nanoTime() - start) / 1_000_000));
    }

    public boolean isReady() {
        return ready;
    }

    /**
     * Touches the Jakarta Batch runtime once, so that it creates its job repository (JBATCH* tables) in the portal
     * database now (after the migrations) rather than on the first job, and so that a wrong data source setting
     * fails the start instead of the first run.
     */
    private void startBatchRuntime() {
        long t0 = System.nanoTime();
        int jobs = BatchRuntime.getJobOperator().getJobNames().size();
        LOG.info(() -> String.format("Jakarta Batch job repository ready in the portal database (%d job name(s) known, %d ms)",
                jobs, (System.nanoTime() - t0) / 1_000_000));
    }

    private void createFirstAdmin() {
        if (users.count() > 0) {
            if (adminPassword.isPresent()) {
                LOG.info("PORTAL_ADMIN_PASSWORD is ignored: it is read on the first start only (the user table is not empty)");
            }
            return;
        }
        if (adminPassword.isPresent() && !adminPassword.get().isBlank()) {
            userService.create(ADMIN_USERNAME, adminPassword.get(), Role.ADMIN.name(), null);
            LOG.info("First start: created the 'admin' account with the password from PORTAL_ADMIN_PASSWORD");
        } else {
            String password = RandomPasswords.generate();
            userService.create(ADMIN_USERNAME, password, Role.ADMIN.name(), null);
            banner("First start: created the 'admin' account. Its password is shown here once:",
                    "  user: admin   password: " + password,
                    "Sign in and change it (Account > Change password); it is not stored anywhere in clear text.");
        }
    }

    private void createDemoUsers() {
        StringBuilder created = new StringBuilder();
        for (Role role : Role.values()) {
            String name = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
            if (users.findByUsername(name).isPresent()) {
                continue;
            }
            String password = RandomPasswords.generate();
            userService.create(name, password, role.name(), "demo");
            created.append(String.format("%n  user: %-17s password: %s   role: %s", name, password, role));
        }
        if (created.length() > 0) {
            banner("PORTAL_DEMO=true: created demo users (passwords shown once):" + created,
                    "Demo users are ordinary accounts: disable them on Admin > Users when you are done.");
        }
    }

    private static void banner(String... lines) {
        String rule = "=".repeat(78);
        LOG.warning("\n" + rule + "\n" + String.join("\n", lines) + "\n" + rule);
    }
}
