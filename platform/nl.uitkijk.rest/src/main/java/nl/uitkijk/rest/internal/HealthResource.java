package nl.uitkijk.rest.internal;

import java.util.ArrayList;
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
import nl.uitkijk.api.recording.RecorderState;
import nl.uitkijk.api.recording.RecordingBackend;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Health for monitoring, without authentication: 200 with {@code {"status":"UP"}} when the camera registry (and so
 * the database) is up, 503 with {@code DOWN} otherwise, and nothing more. A signed-in administrator also gets the
 * components as they really are: database, drivers, storage, the recording of each camera and each camera's stream.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final PlatformState state;

    @Activate
    public HealthResource(@Reference PlatformState state) {
        this.state = state;
    }

    @Open
    @GET
    public Response health(@Context SecurityContext security) {
        CameraRegistry current = state.registry().orElse(null);
        boolean details = security != null && security.isUserInRole(Role.ADMIN.principal());
        String status = current == null ? "DOWN" : "UP";
        Response.ResponseBuilder answer = current == null ? Response.status(Response.Status.SERVICE_UNAVAILABLE)
                : Response.ok();
        answer.header("Cache-Control", "no-store");
        if (!details) {
            return answer.entity(Map.of("status", status)).build();
        }
        Map<String, Object> components = new LinkedHashMap<>();
        if (current == null) {
            components.put("cameraRegistry", Map.of("status", "DOWN"));
            return answer.entity(Map.of("status", status, "components", components)).build();
        }
        List<Camera> cameras = current.cameras();
        Map<String, Long> byStatus = cameras.stream()
                .collect(Collectors.groupingBy(c -> c.status().status().name(), Collectors.counting()));
        for (CameraStatus each : CameraStatus.values()) {
            byStatus.putIfAbsent(each.name(), 0L);
        }
        components.put("database", Map.of("status", "UP"));
        components.put("cameraRegistry", Map.of("status", "UP", "cameras", cameras.size(), "byStatus", byStatus));
        components.put("drivers", Map.of("status", "UP", "installed",
                current.drivers().stream().map(DriverDescription::id).toList()));
        components.put("storage", storage());
        components.put("recording", recording());
        components.put("cameras", cameras.stream().map(this::camera).toList());
        return answer.entity(Map.of("status", status, "components", components)).build();
    }

    private Map<String, Object> storage() {
        List<Map<String, Object>> volumes = new ArrayList<>();
        for (RecordingBackend recorder : state.recorders()) {
            Map<String, Object> volume = new LinkedHashMap<>();
            volume.put("freeBytes", recorder.freeBytes());
            volume.put("totalBytes", recorder.totalBytes());
            volume.put("usedBytes", recorder.usedBytes());
            volumes.add(volume);
        }
        return Map.of("status", volumes.isEmpty() ? "NONE" : "UP", "recorders", volumes);
    }

    private Map<String, Object> recording() {
        List<RecorderState> states = state.recorders().stream().flatMap(r -> r.states().stream()).toList();
        boolean failing = states.stream().anyMatch(s -> !s.state().equals("recording"));
        return Map.of("status", states.isEmpty() ? "NONE" : failing ? "DEGRADED" : "UP", "cameras", states);
    }

    private Map<String, Object> camera(Camera camera) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", camera.id());
        entry.put("status", camera.status().status().name());
        entry.put("detail", camera.status().detail());
        state.stream(camera.id()).ifPresent(stream -> {
            entry.put("streamConnected", stream.connected());
            entry.put("bitrateKbps", stream.bitrateKbps());
            entry.put("lastPacket", stream.lastPacket());
            entry.put("droppedPackets", stream.droppedPackets());
        });
        return entry;
    }
}
