package nl.uitkijk.shell.internal;

import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.camera.UnknownCameraException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "camera-remove", description = "Removes a camera (its recordings stay until their retention ends)")
@Service
public class CameraRemoveCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String id;

    @Override
    public Object execute() throws UnknownCameraException {
        registry.remove(id);
        audit.record(String.valueOf(session.get("USER")), AuditActions.CAMERA_REMOVE, id, "console", "", "");
        System.out.println("Camera " + id + " removed");
        return null;
    }
}
