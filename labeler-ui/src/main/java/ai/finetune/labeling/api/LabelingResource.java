package ai.finetune.labeling.api;

import ai.finetune.labeling.Assignment;
import ai.finetune.labeling.ItemKind;
import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.LabelingOutput;
import ai.finetune.labeling.LabelingQueue;
import ai.finetune.labeling.MetadataFlag;
import ai.finetune.labeling.RankOrder;
import ai.finetune.labeling.RankingInput;
import ai.finetune.labeling.Verdict;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The labeling API. {@code GET /api/labeling/next[?kind=RANKING|AB]}: the caller's task with its lease (204 when the
 * queue has none for them). {@code GET|POST /api/labeling/tasks/{id}}: read or submit one of the caller's tasks.
 * Model names are never sent to labelers; A/B outputs come in the order drawn for the labeler.
 */
@Path("labeling")
@RequestScoped
@RolesAllowed({"LABELER", "ADMIN"})
public class LabelingResource {

    @Inject
    LabelingQueue queue;

    @Inject
    SecurityContext security;

    @GET
    @Path("next")
    @Produces(MediaType.APPLICATION_JSON)
    public Response next(@QueryParam("kind") String kind) {
        ItemKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = ItemKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new LabelingException("kind must be RANKING or AB, not '" + kind + "'");
            }
        }
        return queue.next(caller(), k)
                .map(a -> Response.ok(task(a).build()).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("tasks/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject read(@PathParam("id") long id) {
        Assignment a = queue.read(id, caller(), security.isCallerInRole("ADMIN"));
        JsonObjectBuilder json = task(a);
        if (a.getVerdict() != null) {
            json.add("verdict", a.getVerdict().name());
        }
        if (!a.getEntries().isEmpty()) {
            Map<Long, Integer> ranks = new HashMap<>();
            a.getEntries().forEach(e -> ranks.put(e.getOutput().getId(), e.getRank()));
            RankOrder order = RankOrder.fromRanks(ranks);
            json.add("ranking", order.toString()).add("pairs", order.pairs().size());
        }
        return json.build();
    }

    /**
     * Body for a ranking: {@code {"ranking": "12>14=15>13", "scores": {"12": 6, ...}, "flags": {"12": ["HALLUCINATION"]}}};
     * for an A/B task: {@code {"verdict": "LEFT" | "RIGHT" | "TIE" | "BOTH_BAD"}} about the order the task was shown in.
     */
    @POST
    @Path("tasks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject submit(@PathParam("id") long id, String body) {
        JsonObject json = parse(body);
        Assignment a;
        if (json.containsKey("verdict")) {
            a = queue.submitVerdict(id, caller(), verdict(string(json, "verdict")));
        } else if (json.containsKey("ranking")) {
            a = queue.submitRanking(id, caller(), ranking(json));
        } else {
            throw new LabelingException("the body needs \"ranking\" (with \"scores\") or \"verdict\"");
        }
        return Jsons.P.createObjectBuilder().add("id", a.getId()).add("state", a.getState().name())
                .add("submittedAt", a.getSubmittedAt().toString()).build();
    }

    private static RankingInput ranking(JsonObject json) {
        RankOrder order = RankOrder.parse(string(json, "ranking"));
        Map<Long, Integer> scores = new HashMap<>();
        JsonObject s = json.containsKey("scores") && json.get("scores").getValueType() == JsonValue.ValueType.OBJECT
                ? json.getJsonObject("scores") : null;
        if (s == null) {
            throw new LabelingException("\"scores\" must be an object of output id -> 1..7");
        }
        for (String key : s.keySet()) {
            if (s.get(key).getValueType() != JsonValue.ValueType.NUMBER) {
                throw new LabelingException("score of output " + key + " must be a number 1..7");
            }
            scores.put(outputId(key), s.getJsonNumber(key).intValue());
        }
        Map<Long, Set<MetadataFlag>> flags = new HashMap<>();
        if (json.containsKey("flags") && json.get("flags").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject f = json.getJsonObject("flags");
            for (String key : f.keySet()) {
                Set<MetadataFlag> set = EnumSet.noneOf(MetadataFlag.class);
                if (f.get(key).getValueType() != JsonValue.ValueType.ARRAY) {
                    throw new LabelingException("flags of output " + key + " must be an array of flag names");
                }
                for (JsonValue v : f.getJsonArray(key)) {
                    set.addAll(MetadataFlag.parse(v instanceof JsonString js ? js.getString() : v.toString()));
                }
                flags.put(outputId(key), set);
            }
        }
        return new RankingInput(order, scores, flags);
    }

    private static long outputId(String key) {
        try {
            return Long.parseLong(key.strip());
        } catch (NumberFormatException e) {
            throw new LabelingException("'" + key + "' is not an output id");
        }
    }

    private static Verdict verdict(String v) {
        return switch (v.strip().toUpperCase(Locale.ROOT)) {
            case "LEFT", "FIRST" -> Verdict.FIRST;
            case "RIGHT", "SECOND" -> Verdict.SECOND;
            case "TIE" -> Verdict.TIE;
            case "BOTH_BAD" -> Verdict.BOTH_BAD;
            default -> throw new LabelingException("verdict must be LEFT, RIGHT, TIE or BOTH_BAD, not '" + v + "'");
        };
    }

    private static JsonObjectBuilder task(Assignment a) {
        JsonArrayBuilder outputs = Jsons.P.createArrayBuilder();
        List<LabelingOutput> shown = LabelingQueue.shownOrder(a);
        char label = 'A';
        for (LabelingOutput o : shown) {
            outputs.add(Jsons.P.createObjectBuilder().add("id", o.getId()).add("label", String.valueOf(label++)).add("text", o.getText()));
        }
        JsonObjectBuilder json = Jsons.P.createObjectBuilder()
                .add("id", a.getId())
                .add("item", a.getItem().getId())
                .add("kind", a.getItem().getKind().name())
                .add("state", a.getState().name())
                .add("prompt", a.getItem().getPrompt())
                .add("leaseExpiresAt", a.getLeaseExpiresAt().toString())
                .add("outputs", outputs);
        if (a.getDraft() != null) {
            json.add("draft", a.getDraft());
        }
        return json;
    }

    private static JsonObject parse(String body) {
        try (var reader = Jsons.P.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new LabelingException("the body is not a JSON object: " + e.getMessage());
        }
    }

    private static String string(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (!(v instanceof JsonString s)) {
            throw new LabelingException("\"" + key + "\" must be a string");
        }
        return s.getString();
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }
}
