package ai.finetune.portal.db;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the Flyway migrations from sql/ (packed into the WAR as db/migration) against the portal database. */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Payara's batch runtime may have created its JBATCH* tables before the first migration:
                // a non-empty schema without history is baselined at 0, so every V1.. script still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        var current = flyway.info().current();
        String version = current == null ? "(none)" : current.getVersion().getVersion();
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migration(s) applied now, database " + result.database + ")");
        return result;
    }
}
