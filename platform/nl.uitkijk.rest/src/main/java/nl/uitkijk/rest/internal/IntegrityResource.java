package nl.uitkijk.rest.internal;

import java.io.IOException;
import java.time.Duration;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.TimeRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /cameras/{id}/integrity?from&to}: the camera's stored footage in the period re-hashed against its index
 * now (at most {@value #MAX_HOURS} hours a request): what an auditor checks before trusting footage. The background
 * scrub does the same for all footage at its own pace and raises an alarm on a mismatch.
 */
@Component(service = IntegrityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras/{id}/integrity")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityResource {

    static final int MAX_HOURS = 24;

    private final CameraRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordingBackend recordings;

    @Activate
    public IntegrityResource(@Reference CameraRegistry registry) {
        this.registry = registry;
    }

    @Allow(value = Role.AUDITOR, camera = "id")
    @GET
    public Response verify(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to)
            throws CameraException, IOException {
        registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        TimeRange range = Period.parse(from, to);
        if (Duration.between(range.start(), range.end()).toHours() > MAX_HOURS) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "to: at most " + MAX_HOURS + " hours after from");
        }
        RecordingBackend current = recordings;
        if (current == null) {
            throw new ServiceUnavailableException("no recorder is installed (feature uitkijk-recorder-segment)");
        }
        return current.verify(id, range).map(report -> Response.ok(report).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_IMPLEMENTED, "not_supported",
                        "the installed recorder cannot check integrity"));
    }
}
