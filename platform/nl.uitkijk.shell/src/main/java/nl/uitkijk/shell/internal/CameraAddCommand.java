package nl.uitkijk.shell.internal;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "camera-add", description = "Adds a camera",
        detailedDescription = "Example: vms:camera-add --lat 50.8882 --lon 5.9795 -c url=rtsp://127.0.0.1:8554/cam "
                + "markt-1 \"Markt noord\" rtsp")
@Service
public class CameraAddCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Camera id: lower-case letters, digits, '-'")
    private String id;

    @Argument(index = 1, name = "name", required = true, description = "Name shown to operators")
    private String name;

    @Argument(index = 2, name = "driver", required = true, description = "Driver id (see vms:driver-list)")
    @Completion(DriverIdCompleter.class)
    private String driver;

    @Option(name = "--lat", required = true, description = "WGS84 latitude")
    private double lat;

    @Option(name = "--lon", required = true, description = "WGS84 longitude")
    private double lon;

    @Option(name = "--direction", description = "Viewing direction in degrees from north")
    private Double direction;

    @Option(name = "--address", description = "Street address")
    private String address;

    @Option(name = "--site", description = "Area, e.g. centrum, heerlerheide, hoensbroek")
    private String site;

    @Option(name = "--designation", description = "Id of the legal designation that covers the camera")
    private String designation;

    @Option(name = "-c", aliases = "--config", multiValued = true, description = "Driver setting key=value")
    private List<String> config;

    @Override
    public Object execute() throws CameraException {
        Map<String, Object> settings = ConfigPairs.parse(config);
        Camera added = registry.add(new CameraDefinition(id, name, driver, settings,
                new Location(lat, lon, direction, address), site, designation));
        audit.record(String.valueOf(session.get("USER")), AuditActions.CAMERA_ADD, added.id(), "console", "",
                "name=" + name + " driver=" + driver + " location=" + lat + "," + lon
                        + (designation == null ? "" : " designation=" + designation));
        System.out.println("Camera " + added.id() + " added: " + added.status().status()
                + (added.status().detail().isEmpty() ? "" : " (" + added.status().detail() + ")"));
        return null;
    }
}
