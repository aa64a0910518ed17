package ai.finetune.labeling.api;

import ai.finetune.labeling.Agreement;
import ai.finetune.labeling.ItemKind;
import ai.finetune.labeling.LabelerProfile;
import ai.finetune.labeling.LabelerProfiles;
import ai.finetune.labeling.LabelerStatus;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.LabelingItem;
import ai.finetune.labeling.LabelingItems;
import ai.finetune.labeling.LabelingStats;
import ai.finetune.labeling.ModelOutput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import ai.finetune.labeling.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Admin side of labeling: {@code POST /api/labeling/admin/items} queues an item, {@code PUT /api/labeling/admin/labelers/{name}}
 * sets a labeler's status (an override of the screening test), {@code GET /api/labeling/admin/stats} gives agreement and
 * throughput.
 */
@Path("labeling/admin")
@RequestScoped
@RolesAllowed("ADMIN")
public class LabelingAdminResource {

    @Inject
    LabelingItems items;

    @Inject
    LabelerProfiles profiles;

    @Inject
    LabelingStats stats;

    @Inject
    SecurityContext security;

    /** Body: {@code {"kind": "RANKING"|"AB", "prompt": "...", "outputs": [{"model": "...", "text": "..."}, ...]}}. */
    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createItem(String body) {
        JsonObject json = parse(body);
        ItemKind kind = json.containsKey("kind") ? kind(string(json, "kind")) : ItemKind.RANKING;
        if (!(json.get("outputs") instanceof jakarta.json.JsonArray arr)) {
            throw new LabelingException("\"outputs\" must be an array of {\"model\", \"text\"}");
        }
        List<ModelOutput> outputs = new ArrayList<>();
        for (JsonValue v : arr) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new LabelingException("each output must be an object {\"model\", \"text\"}");
            }
            outputs.add(new ModelOutput(string(v.asJsonObject(), "model"), string(v.asJsonObject(), "text")));
        }
        String by = security.getCallerPrincipal().getName();
        String prompt = string(json, "prompt");
        LabelingItem item = kind == ItemKind.AB
                ? items.createComparison(prompt, outputs.size() > 0 ? outputs.get(0) : null, outputs.size() > 1 ? outputs.get(1) : null, by)
                : items.createRanking(prompt, outputs, by);
        JsonArrayBuilder ids = Jsons.P.createArrayBuilder();
        item.outputIds().forEach(ids::add);
        return Response.status(Response.Status.CREATED).entity(Jsons.P.createObjectBuilder()
                .add("id", item.getId()).add("kind", item.getKind().name()).add("slots", item.getSlots())
                .add("overlap", item.isOverlap()).add("outputIds", ids).build()).build();
    }

    /** Body: {@code {"status": "ACTIVE"|"REJECTED"|"APPLICANT", "note": "..."}}. */
    @PUT
    @Path("labelers/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject decide(@PathParam("name") String name, String body) {
        JsonObject json = parse(body);
        LabelerStatus status;
        try {
            status = LabelerStatus.valueOf(string(json, "status").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LabelingException("status must be APPLICANT, ACTIVE or REJECTED");
        }
        String note = json.get("note") instanceof JsonString s ? s.getString() : null;
        LabelerProfile p = profiles.decide(name, status, note, security.getCallerPrincipal().getName());
        return Jsons.P.createObjectBuilder().add("labeler", p.getUsername()).add("status", p.getStatus().name()).build();
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject stats() {
        LabelingStats.Summary s = stats.summary();
        JsonArrayBuilder labelers = Jsons.P.createArrayBuilder();
        for (LabelingStats.LabelerFigures f : s.labelers()) {
            JsonObjectBuilder o = Jsons.P.createObjectBuilder().add("labeler", f.labeler()).add("submitted", f.submitted())
                    .add("agreed", f.agreement().agreed()).add("compared", f.agreement().total());
            addRate(o, "tasksPerHour", f.tasksPerHour());
            addRate(o, "agreement", f.agreement().rate());
            labelers.add(o);
        }
        JsonObjectBuilder out = Jsons.P.createObjectBuilder()
                .add("items", s.items()).add("submissions", s.submissions())
                .add("overlapItemsCompared", s.getItemsCompared())
                .add("agreed", s.getOverall().agreed()).add("compared", s.getOverall().total())
                .add("instructGptReference", Agreement.INSTRUCTGPT_REFERENCE)
                .add("labelers", labelers);
        addRate(out, "agreement", s.getOverall().rate());
        return out.build();
    }

    private static void addRate(JsonObjectBuilder o, String key, double v) {
        if (Double.isNaN(v)) {
            o.addNull(key);
        } else {
            o.add(key, v);
        }
    }

    private static ItemKind kind(String k) {
        try {
            return ItemKind.valueOf(k.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LabelingException("kind must be RANKING or AB, not '" + k + "'");
        }
    }

    private static JsonObject parse(String body) {
        try (var reader = Jsons.P.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new LabelingException("the body is not a JSON object: " + e.getMessage());
        }
    }

    private static String string(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonString s)) {
            throw new LabelingException("\"" + key + "\" must be a string");
        }
        return s.getString();
    }
}
