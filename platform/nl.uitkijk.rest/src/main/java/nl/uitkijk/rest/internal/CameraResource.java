package nl.uitkijk.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StreamStats;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Cameras: list, read, add, change, remove. Secrets in driver configuration are never sent back. */
@Component(service = CameraResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras")
@Produces(MediaType.APPLICATION_JSON)
public class CameraResource {

    static final String MAIN = "main";

    private final CameraRegistry registry;
    private final MediaHub media;

    @Activate
    public CameraResource(@Reference CameraRegistry registry, @Reference MediaHub media) {
        this.registry = registry;
        this.media = media;
    }

    /** Counters of the camera's main stream; zeros while nothing consumes it (the hub then holds no connection). */
    @GET
    @Path("{id}/stats")
    public StreamStats stats(@PathParam("id") String id) throws UnknownCameraException {
        registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        return media.stats(id, MAIN).orElse(new StreamStats(id, MAIN, false, 0, 0, null, 0, 0, 0, 0, 0, ""));
    }

    @GET
    public List<CameraJson> list() {
        List<DriverDescription> drivers = registry.drivers();
        return registry.cameras().stream().map(camera -> CameraJson.of(camera, driver(drivers, camera))).toList();
    }

    @GET
    @Path("{id}")
    public CameraJson get(@PathParam("id") String id) throws UnknownCameraException {
        Camera camera = registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        return CameraJson.of(camera, driver(registry.drivers(), camera));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(CameraJson body) throws CameraException {
        Camera added = registry.add(required(body).toDefinition(null));
        URI location = UriBuilder.fromResource(CameraResource.class).path(added.id()).build();
        return Response.created(location).entity(CameraJson.of(added, driver(registry.drivers(), added))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CameraJson update(@PathParam("id") String id, CameraJson body) throws CameraException {
        if (registry.camera(id).isEmpty()) {
            throw new UnknownCameraException(id);
        }
        Camera updated = registry.update(required(body).toDefinition(id));
        return CameraJson.of(updated, driver(registry.drivers(), updated));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) throws UnknownCameraException {
        registry.remove(id);
        return Response.noContent().build();
    }

    private static CameraJson required(CameraJson body) throws InvalidCameraException {
        if (body == null) {
            throw new InvalidCameraException(List.of(new nl.uitkijk.api.camera.ConfigProblem("",
                    "a camera JSON object is required")));
        }
        return body;
    }

    private static Optional<DriverDescription> driver(List<DriverDescription> drivers, Camera camera) {
        return drivers.stream().filter(d -> d.id().equals(camera.definition().driver())).findFirst();
    }
}
