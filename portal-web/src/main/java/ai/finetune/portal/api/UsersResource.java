package ai.finetune.portal.api;

import ai.finetune.portal.users.UserAccount;
import ai.finetune.portal.users.UserException;
import ai.finetune.portal.users.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;

/** {@code /api/users}: list and create users (ADMIN only). */
@Path("users")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    SecurityContext security;

    @GET
    public Response list() {
        JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        for (UserAccount u : users.list()) {
            array.add(Json.user(u));
        }
        return Response.ok(array.build()).build();
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        UserAccount u = users.find(name)
                .orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND, "no user named '" + name + "'"));
        return Response.ok(Json.user(u)).build();
    }

    /** Body: {@code {"name": "...", "password": "...", "role": "ADMIN|LABELER|STAKEHOLDER"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        JsonObject json = parseObject(body);
        UserAccount created = users.create(string(json, "name"), string(json, "password"), string(json, "role"),
                security.getCallerPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
                .entity(Json.user(created)).build();
    }

    static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw new UserException(UserException.Kind.INVALID,
                    "the request body must be a JSON object: {\"name\":..,\"password\":..,\"role\":..}");
        }
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new UserException(UserException.Kind.INVALID, "the request body must be a JSON object, not " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new UserException(UserException.Kind.INVALID, "the request body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new UserException(UserException.Kind.INVALID, "the request body is not valid JSON: " + e.getMessage());
        }
    }

    static String string(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new UserException(UserException.Kind.INVALID, "'" + key + "' must be a string");
    }
}
