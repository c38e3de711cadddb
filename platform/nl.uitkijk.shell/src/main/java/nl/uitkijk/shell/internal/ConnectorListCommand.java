package nl.uitkijk.shell.internal;

import nl.uitkijk.api.connector.ConnectorInstance;
import nl.uitkijk.api.connector.ControlRooms;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "connector-list", description = "Lists the control-room connector instances and "
        + "how their deliveries stand")
@Service
public class ConnectorListCommand implements Action {

    @Reference
    private ControlRooms controlRooms;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Kind");
        table.column("Label").maxSize(30);
        table.column("State");
        table.column("Backlog");
        table.column("Failing since");
        table.column("Last error").maxSize(50);
        for (ConnectorInstance instance : controlRooms.instances()) {
            String state = !instance.installed() ? "kind not installed" : instance.connected() ? "connected"
                    : "unreachable";
            table.addRow().addContent(instance.id(), instance.kind(), instance.label(), state, instance.backlog(),
                    instance.failingSince() == null ? "" : instance.failingSince(),
                    instance.lastError() == null ? "" : instance.lastError());
        }
        table.print(System.out);
        if (!controlRooms.kinds().isEmpty()) {
            System.out.println("Kinds installed: " + controlRooms.kinds().stream().map(k -> k.kind()).toList());
        }
        return null;
    }
}
