package nl.uitkijk.shell.internal;

import java.util.Map;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.event.EventTopics;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

@Command(scope = "vms", name = "camera-trigger",
        description = "Marks an event at a camera (as an alarm or analytics would): event-mode recording keeps it")
@Service
public class CameraTriggerCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private EventAdmin events;

    @Argument(index = 0, name = "id", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String id;

    @Argument(index = 1, name = "type", description = "What happened, e.g. operator, alarm")
    private String type = "operator";

    @Override
    public Object execute() throws UnknownCameraException {
        registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        events.sendEvent(new Event(EventTopics.CAMERA_EVENT, Map.of(EventTopics.CAMERA_ID, id, EventTopics.TYPE, type)));
        System.out.println("Event '" + type + "' marked at camera " + id);
        return null;
    }
}
