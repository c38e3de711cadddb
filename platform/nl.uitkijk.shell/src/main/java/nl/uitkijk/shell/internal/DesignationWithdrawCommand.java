package nl.uitkijk.shell.internal;

import nl.uitkijk.api.governance.Designations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "designation-withdraw", description = "Withdraws a designation")
@Service
public class DesignationWithdrawCommand implements Action {

    @Reference
    private Designations designations;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Designation id")
    private String id;

    @Override
    public Object execute() {
        if (designations.withdraw(id, String.valueOf(session.get("USER")), "console")) {
            System.out.println("Designation " + id + " withdrawn; the cameras bound to it stop");
        } else {
            System.out.println("Error: no designation '" + id + "'");
        }
        return null;
    }
}
