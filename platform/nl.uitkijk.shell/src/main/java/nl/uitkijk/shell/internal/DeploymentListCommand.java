package nl.uitkijk.shell.internal;

import java.time.Instant;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Deployments;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "deployment-list", description = "Lists the deployments of mobile cameras")
@Service
public class DeploymentListCommand implements Action {

    @Reference
    private Deployments deployments;

    @Option(name = "--camera", description = "Only this camera's deployments")
    private String cameraId;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Camera");
        table.column("Name").maxSize(40);
        table.column("Designation");
        table.column("From");
        table.column("Until");
        table.column("Now");
        for (Deployment d : cameraId == null ? deployments.all() : deployments.ofCamera(cameraId)) {
            String state = now.isBefore(d.from()) ? "planned" : d.activeAt(now) ? "deployed" : "ended";
            table.addRow().addContent(d.id(), d.cameraId(), d.name(), d.designationId(), d.from(), d.until(), state);
        }
        table.print(System.out);
        return null;
    }
}
