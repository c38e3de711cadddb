package nl.uitkijk.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DuplicateCameraException;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.UnknownCameraException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns failures into the API's error body; the status follows the cause, never a stack trace to the client. */
final class ExceptionMappers {

    private ExceptionMappers() {
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(UitkijkApplication.SELECT)
    public static class CameraExceptionMapper implements ExceptionMapper<CameraException> {
        @Override
        public Response toResponse(CameraException e) {
            if (e instanceof InvalidCameraException invalid) {
                return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage(), invalid.problems());
            } else if (e instanceof DuplicateCameraException) {
                return ErrorBody.response(Response.Status.CONFLICT, "duplicate", e.getMessage(),
                        List.of(new ConfigProblem("id", "is already in use")));
            } else if (e instanceof UnknownCameraException) {
                return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", e.getMessage());
            }
            return ErrorBody.response(Response.Status.BAD_REQUEST, "camera", e.getMessage());
        }
    }

    /** Malformed JSON or a value of the wrong type: name the field by its JSON path. */
    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(UitkijkApplication.SELECT)
    public static class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
            String message = e.getOriginalMessage();
            if (message != null && message.length() > 200) {
                message = message.substring(0, 200) + "…";
            }
            List<ConfigProblem> problems = field.isEmpty() ? List.of() : List.of(new ConfigProblem(field, message));
            return ErrorBody.response(Response.Status.BAD_REQUEST, "malformed_json",
                    field.isEmpty() ? "request body is not valid JSON: " + message : field + ": " + message, problems);
        }

        static String path(JsonMappingException e) {
            return e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
    }

    /** Keeps JAX-RS's own answers (404 for an unknown path, 405, 415) and hides everything else behind a 500. */
    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(UitkijkApplication.SELECT)
    public static class FallbackExceptionMapper implements ExceptionMapper<Exception> {
        private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

        @Override
        public Response toResponse(Exception e) {
            if (e instanceof WebApplicationException web) {
                if (web.getResponse().hasEntity()) {
                    return web.getResponse(); // already in the API's error shape
                }
                Response.StatusType status = web.getResponse().getStatusInfo();
                Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
                String message = web.getMessage() != null && !web.getMessage().startsWith("HTTP ")
                        ? web.getMessage() : status.getReasonPhrase();
                return ErrorBody.response(known == null ? Response.Status.BAD_REQUEST : known,
                        "http_" + status.getStatusCode(), message);
            }
            LOG.error("REST request failed", e);
            return ErrorBody.response(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                    "the request failed inside the server; see the server log");
        }
    }
}
