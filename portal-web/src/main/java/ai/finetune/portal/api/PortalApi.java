package ai.finetune.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API for scripts: JSON under /api, HTTP Basic against the portal's identity store. */
@ApplicationPath("/api")
public class PortalApi extends Application {
}
