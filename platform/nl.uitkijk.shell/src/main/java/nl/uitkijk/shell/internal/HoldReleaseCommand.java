package nl.uitkijk.shell.internal;

import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.LegalHolds;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "hold-release", description = "Releases a legal hold; its footage follows retention again")
@Service
public class HoldReleaseCommand implements Action {

    @Reference
    private LegalHolds holds;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Hold id (see vms:hold-list)")
    private long id;

    @Override
    public Object execute() throws InvalidCameraException {
        holds.release(id, String.valueOf(session.get("USER")));
        System.out.println("Legal hold " + id + " released");
        return null;
    }
}
