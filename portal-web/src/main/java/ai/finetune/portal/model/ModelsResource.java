package ai.finetune.portal.model;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/models} (ADMIN): the registry with lineage. */
@Path("models")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    @Inject
    ModelRegistry models;

    @GET
    public String list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (ModelArtifact m : models.list()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", m.getId()).add("name", m.getName())
                    .add("kind", m.getKind().name()).add("path", m.getPath());
            if (m.getParentId() != null) {
                b.add("parent", m.getParentId());
            }
            if (m.getRunId() != null) {
                b.add("run", m.getRunId());
            }
            a.add(b);
        }
        return a.build().toString();
    }
}
