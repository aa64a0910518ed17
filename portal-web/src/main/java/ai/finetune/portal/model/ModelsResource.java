package ai.finetune.portal.model;

import ai.finetune.portal.api.ApiError;
import ai.finetune.portal.run.EvaluationResult;
import ai.finetune.portal.run.RunService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * {@code GET /api/models} (ADMIN): the registry with lineage; {@code GET /api/models/{id}/evaluations}: the model's
 * evaluation_result rows ({@code summary} as docs/evaluation-results.md describes it), newest first.
 */
@Path("models")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    @Inject
    ModelRegistry models;

    @Inject
    RunService runs;

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

    @GET
    @Path("{id}/evaluations")
    public Response evaluations(@PathParam("id") long id) {
        if (models.find(id).isEmpty()) {
            return Response.status(404).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.json(404, "model " + id + " does not exist")).build();
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (EvaluationResult e : runs.evaluations(id)) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.getId()).add("kind", e.getKind());
            if (e.getRunId() != null) {
                b.add("run", e.getRunId());
            }
            try (var reader = Json.createReader(new StringReader(e.getSummaryJson()))) {
                b.add("summary", reader.readObject());
            }
            a.add(b.add("createdAt", String.valueOf(e.getCreatedAt())));
        }
        return Response.ok(a.build().toString()).build();
    }
}
