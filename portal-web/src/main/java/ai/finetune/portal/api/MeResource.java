package ai.finetune.portal.api;

import ai.finetune.portal.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/me}: who the caller is. */
@Path("me")
@RequestScoped
@RolesAllowed({"ADMIN", "LABELER", "STAKEHOLDER"})
public class MeResource {

    @Inject
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        for (Role r : Role.values()) {
            if (security.isCallerInRole(r.name())) {
                roles.add(r.name());
            }
        }
        return Json.createObjectBuilder()
                .add("name", security.getCallerPrincipal().getName())
                .add("roles", roles)
                .build();
    }
}
