package ai.finetune.portal.health;

import ai.finetune.portal.db.PortalDataSource;
import ai.finetune.portal.startup.PortalStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: UP only after start-up finished (migrations, first admin) and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    PortalStartup startup;

    @Inject
    @PortalDataSource
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("database");
        if (!startup.isReady()) {
            return b.down().withData("reason", "the portal is still starting").build();
        }
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(5);
            var meta = c.getMetaData();
            return b.status(valid)
                    .withData("product", meta.getDatabaseProductName())
                    .withData("version", meta.getDatabaseProductVersion())
                    .build();
        } catch (SQLException e) {
            return b.down().withData("reason", e.getMessage() == null ? e.toString() : e.getMessage()).build();
        }
    }
}
