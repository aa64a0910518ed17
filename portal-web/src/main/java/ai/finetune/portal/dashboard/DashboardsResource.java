package ai.finetune.portal.dashboard;

import ai.finetune.portal.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/dashboards/{win-rates|leaderboard|humaneval|alignment|training-health}} (STAKEHOLDER, ADMIN; HTTP
 * Basic): the dashboard's figures as JSON, or one table as CSV with {@code ?format=csv} (the first table unless
 * {@code &table=NAME}). Win rates take {@code ?baseline=MODEL}. The same service code as the pages. Read only.
 */
@Path("dashboards")
@RequestScoped
@RolesAllowed({"STAKEHOLDER", "ADMIN"})
public class DashboardsResource {
    @Inject
    DashboardService dashboards;

    /** The dashboards and their tables. */
    @GET
    public Response list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (String name : DashboardService.NAMES) {
            a.add(Json.createObjectBuilder().add("name", name).add("href", "/api/dashboards/" + name));
        }
        return Response.ok(Json.createObjectBuilder().add("dashboards", a).build().toString(),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name, @QueryParam("baseline") String baseline,
                        @QueryParam("format") String format, @QueryParam("table") String table) {
        if (!DashboardService.NAMES.contains(name)) {
            return error(404, "no dashboard '" + name + "'; known: " + String.join(", ", DashboardService.NAMES));
        }
        try {
            DashboardExport.Format f = DashboardExport.Format.parse(format);
            Dashboard d = dashboards.byName(name, baseline);
            return Response.ok(DashboardExport.render(d, table, f), f.mediaType + "; charset=UTF-8").build();
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.json(status, message)).build();
    }
}
