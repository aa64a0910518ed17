package ai.finetune.labeling.api;

import ai.finetune.labeling.LabelingStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Admin exports of the submitted rankings: {@code GET /api/labeling/export/rankings} (K-way JSONL) and
 * {@code GET /api/labeling/export/pairs} (pairwise prompt/chosen/rejected JSONL); and the SFT data,
 * {@code GET /api/labeling/export/demonstrations}.
 */
@Path("labeling/export")
@RequestScoped
@RolesAllowed("ADMIN")
public class LabelingExportResource {

    static final String JSONL = "application/jsonl";

    @Inject
    LabelingStats stats;

    @Inject
    ai.finetune.labeling.prompts.Demonstrations demonstrations;

    /** Accepted demonstrations as SFT JSONL: {@code {"prompt", "response", "author", "category"}} per line. */
    @GET
    @Path("demonstrations")
    @Produces(JSONL)
    public Response demonstrations() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (ai.finetune.labeling.prompts.Demonstration d : demonstrations.accepted()) {
            lines.add(ai.finetune.labeling.Jsons.P.createObjectBuilder()
                    .add("prompt", d.getPrompt().getText())
                    .add("response", d.getText())
                    .add("author", d.getAuthor())
                    .add("category", d.getPrompt().getCategory().name())
                    .add("split", d.getPrompt().getSplit().name())
                    .build().toString());
        }
        return jsonl(lines, "demonstrations.jsonl");
    }

    @GET
    @Path("rankings")
    @Produces(JSONL)
    public Response rankings() {
        return jsonl(stats.exportKWay(), "rankings.jsonl");
    }

    @GET
    @Path("pairs")
    @Produces(JSONL)
    public Response pairs() {
        return jsonl(stats.exportPairs(), "pairs.jsonl");
    }

    private static Response jsonl(java.util.List<String> lines, String name) {
        StringBuilder body = new StringBuilder();
        lines.forEach(l -> body.append(l).append('\n'));
        return Response.ok(body.toString(), JSONL)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
