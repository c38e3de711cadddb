package nl.uitkijk.shell.internal;

import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "connector-remove", description = "Removes a control-room connector instance; its "
        + "undelivered alarms stay in the outbox")
@Service
public class ConnectorRemoveCommand implements Action {

    @Reference
    private ControlRooms controlRooms;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Instance id")
    private String id;

    @Override
    public Object execute() {
        if (controlRooms.remove(id)) {
            audit.record(String.valueOf(session.get("USER")), AuditActions.CONNECTOR_REMOVE, "connector " + id,
                    "console", "removed", "");
            System.out.println("Connector " + id + " removed");
        } else {
            System.out.println("Error: no connector instance '" + id + "'");
        }
        return null;
    }
}
