package ai.finetune.portal.db;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The portal's one database: embedded H2 in the data dir by default, PostgreSQL when PORTAL_DB_URL says so.
 *
 * <p>All values come from MicroProfile Config. The launcher puts them in system properties, the class name
 * included: a class name that Payara can only find in the application's own config file is resolved too late
 * and the pool silently becomes non-XA. Jakarta Batch's job repository uses this data source too (see
 * src/main/payara/pre-boot-commands.asadmin).
 */
@DataSourceDefinition(
        name = PortalDatabase.JNDI_NAME,
        className = "${MPCONFIG=portal.db.driver}",
        url = "${MPCONFIG=portal.db.url}",
        user = "${MPCONFIG=portal.db.user}",
        password = "${MPCONFIG=portal.db.password}",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class PortalDatabase {

    public static final String JNDI_NAME = "java:global/jdbc/portal";

    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;

    @Produces
    @PortalDataSource
    public DataSource dataSource() {
        return dataSource;
    }
}
