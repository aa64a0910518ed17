package ai.finetune.portal.dataset;

import ai.finetune.portal.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code POST /api/datasets?name=N&kind=DEMONSTRATIONS&format=jsonl|csv} (ADMIN) with the file as the body,
 * streamed: validated like a page upload (all or nothing; 400 with the line and field), 201 with the new id.
 */
@Path("datasets")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetsResource {
    @Inject
    DatasetService datasets;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@QueryParam("name") String name, @QueryParam("kind") String kind,
                           @QueryParam("format") String format, InputStream body, @Context SecurityContext security) {
        DatasetKind k;
        try {
            k = DatasetKind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(400, "kind: one of PROMPTS, DEMONSTRATIONS, COMPARISONS, CODE");
        }
        try {
            Dataset d = datasets.upload(name, k, "csv".equalsIgnoreCase(format) ? "upload.csv" : "upload.jsonl", body,
                    security.getUserPrincipal().getName());
            return Response.status(201).entity(Json.createObjectBuilder().add("id", d.getId()).add("name", d.getName())
                    .add("version", d.getVersion()).add("records", d.getRecords()).build().toString()).build();
        } catch (DatasetException e) {
            return error(400, e.getMessage());
        } catch (IOException e) {
            return error(500, "upload failed: " + e.getMessage());
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.json(status, message)).build();
    }
}
