package nl.uitkijk.shell.internal;

import nl.uitkijk.api.governance.Deployments;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "deployment-cancel", description = "Ends or cancels a mobile camera's deployment")
@Service
public class DeploymentCancelCommand implements Action {

    @Reference
    private Deployments deployments;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Deployment id")
    private String id;

    @Override
    public Object execute() {
        if (deployments.cancel(id, String.valueOf(session.get("USER")), "console")) {
            System.out.println("Deployment " + id + " cancelled; the camera stops if it ran under it");
        } else {
            System.out.println("Error: no deployment '" + id + "'");
        }
        return null;
    }
}
