package nl.uitkijk.shell.internal;

import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "camera-list", description = "Lists the cameras with their status")
@Service
public class CameraListCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Option(name = "-v", aliases = "--verbose", description = "Also show location and site")
    private boolean verbose;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Driver");
        table.column("Status");
        table.column("Detail");
        if (verbose) {
            table.column("Site");
            table.column("Lat");
            table.column("Lon");
        }
        for (Camera camera : registry.cameras()) {
            var row = table.addRow();
            row.addContent(camera.id(), camera.definition().name(), camera.definition().driver(),
                    camera.status().status(), camera.status().detail());
            if (verbose) {
                row.addContent(camera.definition().site(), camera.definition().location().lat(),
                        camera.definition().location().lon());
            }
        }
        table.print(System.out);
        return null;
    }
}
