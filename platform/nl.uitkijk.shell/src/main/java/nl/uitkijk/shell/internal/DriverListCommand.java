package nl.uitkijk.shell.internal;

import java.util.stream.Collectors;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.DriverDescription;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "driver-list", description = "Lists the installed camera drivers and their settings")
@Service
public class DriverListCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Label");
        table.column("Settings (* = required)");
        for (DriverDescription driver : registry.drivers()) {
            table.addRow().addContent(driver.id(), driver.label(), driver.parameters().stream()
                    .map(p -> p.name() + (p.required() ? "*" : "") + ":" + p.type().name().toLowerCase())
                    .collect(Collectors.joining(", ")));
        }
        table.print(System.out);
        return null;
    }

}
