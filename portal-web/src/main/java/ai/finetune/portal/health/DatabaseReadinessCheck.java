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

/**
 * {@code /health/ready}: UP only when start-up finished (migrations, first admin), the application answers HTTP
 * at its own URL, and the database answers. Payara Micro can serve this endpoint a moment before it has mapped
 * the application's URLs, hence the one-time self-request (see {@link SelfCheck}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    PortalStartup startup;

    @Inject
    @PortalDataSource
    DataSource dataSource;

    @Inject
    SelfCheck selfCheck;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("database");
        if (!startup.isReady()) {
            return b.down().withData("reason", "the portal is still starting").build();
        }
        if (!selfCheck.applicationAnswers()) {
            return b.down().withData("reason", "the application's URLs are not served yet").build();
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
