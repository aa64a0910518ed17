package ai.finetune.labeling.api;

import ai.finetune.labeling.LabelingException;
import ai.finetune.labeling.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused labeling request: 403 when it touches what the caller may not, 400 otherwise; same shape as /api errors. */
@Provider
public class LabelingExceptionMapper implements ExceptionMapper<LabelingException> {

    @Override
    public Response toResponse(LabelingException e) {
        Response.Status status = e.isForbidden() ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Jsons.P.createObjectBuilder()
                        .add("status", status.getStatusCode())
                        .add("error", status.getReasonPhrase())
                        .add("message", e.getMessage())
                        .build().toString())
                .build();
    }
}
