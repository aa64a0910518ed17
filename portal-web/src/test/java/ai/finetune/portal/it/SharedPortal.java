package ai.finetune.portal.it;

import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one portal (fresh H2 data dir) shared by every test class that uses it in this test run;
 * stopped when the run ends. Test methods and constructors receive it as a {@link PortalServer} parameter, and
 * the admin password as {@link #adminPassword()}.
 */
public class SharedPortal implements ParameterResolver {

    private static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();

    public static String adminPassword() {
        return ADMIN_PASSWORD;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == PortalServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getRoot().getStore(ExtensionContext.Namespace.create(SharedPortal.class))
                .getOrComputeIfAbsent("server", k -> new Resource(), Resource.class).server;
    }

    /** Closed by JUnit at the end of the run. */
    static final class Resource implements ExtensionContext.Store.CloseableResource {
        final PortalServer server;

        Resource() {
            try {
                server = PortalServer.fresh("shared").env("PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD).start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the shared portal: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
