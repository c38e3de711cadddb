package nl.uitkijk.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.DriverDescription;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Health for monitoring, without authentication: 200 with {@code {"status":"UP"}} when the camera registry (and so
 * the database) is up, 503 with {@code DOWN} otherwise, and nothing more. A signed-in administrator also gets the
 * components (database, cameras by status, drivers).
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CameraRegistry registry;

    @Open
    @GET
    public Response health(@Context SecurityContext security) {
        CameraRegistry current = registry;
        boolean details = security != null && security.isUserInRole(Role.ADMIN.principal());
        Map<String, Object> components = new LinkedHashMap<>();
        if (current == null) {
            components.put("cameraRegistry", Map.of("status", "DOWN"));
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Cache-Control", "no-store")
                    .entity(details ? Map.of("status", "DOWN", "components", components) : Map.of("status", "DOWN"))
                    .build();
        }
        if (!details) {
            return Response.ok(Map.of("status", "UP")).header("Cache-Control", "no-store").build();
        }
        List<Camera> cameras = current.cameras();
        Map<String, Long> byStatus = cameras.stream()
                .collect(Collectors.groupingBy(c -> c.status().status().name(), Collectors.counting()));
        for (CameraStatus status : CameraStatus.values()) {
            byStatus.putIfAbsent(status.name(), 0L);
        }
        components.put("database", Map.of("status", "UP"));
        components.put("cameraRegistry", Map.of("status", "UP", "cameras", cameras.size(), "byStatus", byStatus));
        components.put("drivers", Map.of("status", "UP", "installed",
                current.drivers().stream().map(DriverDescription::id).toList()));
        return Response.ok(Map.of("status", "UP", "components", components)).header("Cache-Control", "no-store")
                .build();
    }
}
