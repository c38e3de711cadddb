package nl.uitkijk.shell.internal;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.discovery.DiscoveryInbox;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "discovery-approve", description = "Adds a camera from the discovery inbox")
@Service
public class DiscoveryApproveCommand implements Action {

    @Reference
    private DiscoveryInbox inbox;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "entry", required = true, description = "Entry id (see vms:discovery-list)")
    private String entry;

    @Argument(index = 1, name = "id", required = true, description = "Camera id: lower-case letters, digits, '-'")
    private String id;

    @Argument(index = 2, name = "name", required = true, description = "Name shown to operators")
    private String name;

    @Option(name = "--lat", required = true, description = "WGS84 latitude")
    private double lat;

    @Option(name = "--lon", required = true, description = "WGS84 longitude")
    private double lon;

    @Option(name = "--direction", description = "Viewing direction in degrees from north")
    private Double direction;

    @Option(name = "--address", description = "Street address")
    private String address;

    @Option(name = "--site", description = "Area, e.g. centrum")
    private String site;

    @Option(name = "--designation", description = "Id of the legal designation that covers the camera")
    private String designation;

    @Option(name = "-c", aliases = "--config", multiValued = true, description = "Driver setting key=value, "
            + "e.g. username=… password=…")
    private List<String> config;

    @Override
    public Object execute() throws CameraException {
        Map<String, Object> settings = ConfigPairs.parse(config);
        Camera added = inbox.approve(entry, new CameraDefinition(id, name, null, settings,
                new Location(lat, lon, direction, address), site, designation));
        audit.record(String.valueOf(session.get("USER")), AuditActions.CAMERA_ADD, added.id(), "console", "",
                "approved from the discovery inbox: driver=" + added.definition().driver());
        System.out.println("Camera " + added.id() + " added: " + added.status().status()
                + (added.status().detail().isEmpty() ? "" : " (" + added.status().detail() + ")"));
        return null;
    }
}
