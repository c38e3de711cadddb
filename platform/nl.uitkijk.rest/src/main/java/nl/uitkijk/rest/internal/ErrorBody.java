package nl.uitkijk.rest.internal;

import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.camera.ConfigProblem;

/** The one error shape of the API: a machine code, a sentence, and where a field is at fault, its name. */
public record ErrorBody(int status, String error, String message, List<ConfigProblem> problems) {

    static Response response(Response.Status status, String error, String message, List<ConfigProblem> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status.getStatusCode(), error, message, problems)).build();
    }

    static Response response(Response.Status status, String error, String message) {
        return response(status, error, message, List.of());
    }
}
