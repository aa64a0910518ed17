package ai.finetune.portal.dataset;

import ai.finetune.portal.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Datasets over HTTP (ADMIN): {@code POST /api/datasets?name=N&kind=DEMONSTRATIONS&format=jsonl|csv} with the file
 * as the body, streamed: validated like a page upload (all or nothing; 400 with the line and field), 201 with the
 * new id. {@code GET /api/datasets} lists every version; {@code GET /api/datasets/{id}/export?format=...} streams
 * it as JSONL in one of the {@link ExportFormat}s.
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
            return error(400, "kind: one of " + java.util.Arrays.toString(DatasetKind.values())
                    .replaceAll("[\\[\\]]", "") + ", not '" + kind + "'");
        }
        try {
            Dataset d = datasets.upload(name, k, "csv".equalsIgnoreCase(format) ? "upload.csv" : "upload.jsonl", body,
                    security.getUserPrincipal().getName());
            return Response.status(201).entity(json(d).toString()).build();
        } catch (DatasetException e) {
            return error(400, e.getMessage());
        } catch (IOException e) {
            return error(500, "upload failed: " + e.getMessage());
        }
    }

    @GET
    public Response list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        datasets.list().forEach(d -> a.add(json(d)));
        return Response.ok(a.build().toString()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return datasets.find(id).map(d -> Response.ok(json(d).toString()).build())
                .orElseGet(() -> error(404, "dataset " + id + " does not exist"));
    }

    /** Streams the export: the response is written line by line while the stored file is read. */
    @GET
    @Path("{id}/export")
    @Produces({"application/x-ndjson", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id, @QueryParam("format") String format) {
        Dataset d = datasets.find(id).orElse(null);
        if (d == null) {
            return error(404, "dataset " + id + " does not exist");
        }
        ExportFormat f;
        try {
            f = ExportFormat.of(format == null ? "jsonl" : format);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (!f.appliesTo(d.getKind())) {
            return error(400, "format " + f.getId() + " does not apply to " + d.getKind() + " datasets");
        }
        StreamingOutput body = out -> datasets.export(d, f, out);
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(d, f) + "\"").build();
    }

    static String fileName(Dataset d, ExportFormat f) {
        return d.getName() + "-v" + d.getVersion() + (f == ExportFormat.JSONL ? "" : "-" + f.getId()) + ".jsonl";
    }

    private static JsonObject json(Dataset d) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", d.getId()).add("name", d.getName())
                .add("version", d.getVersion()).add("kind", d.getKind().name()).add("records", d.getRecords())
                .add("bytes", d.getBytes());
        if (d.getCreatedAt() != null) {
            b.add("createdAt", d.getCreatedAt().toString());
        }
        if (d.getCreatedBy() != null) {
            b.add("createdBy", d.getCreatedBy());
        }
        JsonArrayBuilder formats = Json.createArrayBuilder();
        for (ExportFormat f : ExportFormat.values()) {
            if (f.appliesTo(d.getKind())) {
                formats.add(f.getId());
            }
        }
        return b.add("exportFormats", formats).build();
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.json(status, message)).build();
    }
}
