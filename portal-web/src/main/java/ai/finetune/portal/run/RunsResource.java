package ai.finetune.portal.run;

import ai.finetune.portal.api.ApiError;
import ai.finetune.portal.dataset.Dataset;
import ai.finetune.portal.dataset.DatasetService;
import ai.finetune.portal.model.ModelKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/runs} (ADMIN): {@code POST} {@code {"kind":"ppo", "iterations": 5, ..., "baseModel": id,
 * "rewardModel": id, "dataset": id}} queues a run (options use the CLI's names; baseModel, rewardModel and dataset
 * default to the newest of the right kind; reward-model takes {@code "dataset":"labelers"} and falls back to it); {@code GET /{id}}, {@code POST /{id}/stop}, {@code POST /{id}/restart}, {@code GET /{id}/metrics}.
 */
@Path("runs")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    /** {@code "dataset": "labelers"} for reward-model: train on the rankings labelers submitted. */
    static final String LABELERS = "labelers";

    @Inject
    RunQueue queue;

    @Inject
    RunService runs;

    @Inject
    DatasetService datasets;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context SecurityContext security) {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(body))) {
            o = reader.readObject();
        } catch (RuntimeException e) {
            return error(400, "the body must be a JSON object");
        }
        Map<String, String> options = new LinkedHashMap<>();
        o.forEach((k, v) -> options.put(k, v.getValueType() == JsonValue.ValueType.STRING
                ? o.getString(k) : v.toString()));
        try {
            String kindName = options.remove("kind");
            if (kindName == null) {
                return error(400, "kind: required (" + RunKind.known() + ")");
            }
            RunKind kind;
            try {
                kind = RunKind.of(kindName);
            } catch (IllegalArgumentException e) {
                return error(400, "kind: " + e.getMessage());
            }
            Long parent = id(options.remove("baseModel"), "baseModel");
            if (parent == null) {
                parent = queue.newestModel(kind.parentKinds());
            }
            Long rewardModel = id(options.remove("rewardModel"), "rewardModel");
            if (rewardModel == null && kind.needsRewardModel()) {
                rewardModel = queue.newestModel(List.of(ModelKind.RM));
            }
            String dataValue = options.remove("dataset");
            Long data;
            if (kind == RunKind.REWARD_MODEL && LABELERS.equals(dataValue)) {
                data = null; // the labelers' submitted rankings, exported when the run starts
            } else {
                data = id(dataValue, "dataset");
                // omitted: the newest dataset of the kind; humaneval's fallback is the bundled HumanEval instead
                if (data == null && kind.dataKind() != null && kind != RunKind.HUMANEVAL) {
                    data = datasets.ofKind(kind.dataKind()).stream().findFirst().map(Dataset::getId).orElse(null);
                }
            }
            TrainingRun r = queue.submit(kind, options, parent, rewardModel, data, security.getUserPrincipal().getName());
            return Response.status(201).entity(json(r).build().toString()).build();
        } catch (RunException e) {
            return error(400, e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return runs.find(id).map(r -> Response.ok(json(r).build().toString()).build())
                .orElseGet(() -> error(404, "run " + id + " does not exist"));
    }

    @GET
    @Path("{id}/metrics")
    public Response metrics(@PathParam("id") long id) {
        if (runs.find(id).isEmpty()) {
            return error(404, "run " + id + " does not exist");
        }
        StringBuilder b = new StringBuilder("[");
        for (RunMetric m : runs.metrics(id)) {
            b.append(b.length() > 1 ? "," : "").append(m.getRowJson());
        }
        return Response.ok(b.append(']').toString()).build();
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        try {
            queue.stop(id);
            return get(id);
        } catch (RunException e) {
            return error(runs.find(id).isEmpty() ? 404 : 409, e.getMessage());
        }
    }

    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") long id) {
        try {
            queue.restart(id);
            return get(id);
        } catch (RunException e) {
            return error(runs.find(id).isEmpty() ? 404 : 409, e.getMessage());
        }
    }

    static JsonObjectBuilder json(TrainingRun r) {
        JsonObjectBuilder progress = Json.createObjectBuilder().add("step", r.getStep()).add("totalSteps",
                r.getTotalSteps());
        if (r.getStepsPerSecond() != null) {
            progress.add("stepsPerSecond", r.getStepsPerSecond());
        }
        if (r.getEtaSeconds() != null) {
            progress.add("etaSeconds", r.getEtaSeconds());
        }
        JsonObjectBuilder latest = Json.createObjectBuilder();
        if (r.getLoss() != null) {
            latest.add("loss", r.getLoss());
        }
        if (r.getValLoss() != null) {
            latest.add("val_loss", r.getValLoss());
        }
        if (r.getTokensPerSecond() != null) {
            latest.add("tokens_per_s", r.getTokensPerSecond());
        }
        JsonObjectBuilder params = Json.createObjectBuilder();
        RunService.params(r).forEach(params::add);
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", r.getId())
                .add("kind", r.getKind().command())
                .add("status", r.getStatus().name())
                .add("stopRequested", r.isStopRequested())
                .add("device", r.getDevice())
                .add("progress", progress)
                .add("latestMetrics", latest)
                .add("params", params)
                .add("outDir", r.getOutDir() == null ? "" : r.getOutDir());
        if (r.getParentModelId() != null) {
            b.add("baseModel", r.getParentModelId());
        }
        if (r.getDatasetId() != null) {
            b.add("dataset", r.getDatasetId());
        }
        if (r.getRewardModelId() != null) {
            b.add("rewardModel", r.getRewardModelId());
        }
        if (r.getResumedFrom() != null) {
            b.add("resumedFrom", r.getResumedFrom());
        }
        if (r.getResultModelId() != null) {
            b.add("resultModel", r.getResultModelId());
        }
        if (r.getMessage() != null) {
            b.add("message", r.getMessage());
        }
        return b;
    }

    private static Long id(String value, String field) throws RunException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RunException(field + ": expected an id, got '" + value + "'");
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.json(status, message)).build();
    }
}
