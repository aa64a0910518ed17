package ai.finetune.portal.api;

import ai.finetune.portal.users.UserException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error from the API is JSON ({@link ApiError}) with a message that says what is wrong. */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.json(status, message)).build();
    }

    @Provider
    public static class UserErrors implements ExceptionMapper<UserException> {
        @Override
        public Response toResponse(UserException e) {
            int status = switch (e.kind()) {
                case INVALID -> 400;
                case CONFLICT -> 409;
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
            };
            return error(status, e.getMessage());
        }
    }

    @Provider
    public static class WebErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String message = switch (status) {
                case 404 -> "no such API resource";
                case 405 -> "this HTTP method is not allowed here";
                case 406 -> "this resource answers application/json only";
                case 415 -> "send the body as application/json";
                default -> e.getMessage() == null ? ApiError.reason(status) : e.getMessage();
            };
            return error(status, message);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException w) {
                return new WebErrors().toResponse(w);
            }
            if (e instanceof UserException u) {
                return new UserErrors().toResponse(u);
            }
            LOG.log(Level.SEVERE, "API request failed", e);
            return error(500, "internal error: " + e.getClass().getSimpleName() + " (details are in the server log)");
        }
    }
}
