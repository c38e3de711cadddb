package nl.uitkijk.rest.internal;

import java.util.List;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.camera.ConfigProblem;

/**
 * The one error shape of the API: a machine code, a sentence, where a field is at fault its name, and where the
 * refusal has a reason a console shows in its own language, that reason as a code with its details
 * ({@code reason}, e.g. {@code legal.outside-window}; absent otherwise).
 */
public record ErrorBody(int status, String error, String message, List<ConfigProblem> problems,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Reason reason) {

    /** A reason for a program: a code and its details in no language. */
    public record Reason(String code, java.util.Map<String, String> params) {
    }

    static Response response(Response.Status status, String error, String message, List<ConfigProblem> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status.getStatusCode(), error, message, problems, null)).build();
    }

    /** A refusal for a legal reason, with its code where the legal basis gave one. */
    static Response refusal(Response.Status status, String error, nl.uitkijk.api.governance.LegalStatus legal) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(status
                .getStatusCode(), error, legal.reason(), List.of(), legal.code() == null ? null : new Reason(legal
                        .code(), legal.params()))).build();
    }

    static Response response(Response.Status status, String error, String message) {
        return response(status, error, message, List.of());
    }
}
