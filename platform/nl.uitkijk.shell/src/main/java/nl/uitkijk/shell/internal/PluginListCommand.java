package nl.uitkijk.shell.internal;

import nl.uitkijk.api.plugin.PluginCatalogue;
import nl.uitkijk.api.plugin.PluginEntry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** The plugin catalogue in the console: what each plugin is, its licence and personal data, and its integrity. */
@Command(scope = "vms", name = "plugin-list", description = "Lists the plugins with their metadata and integrity")
@Service
public class PluginListCommand implements Action {

    @Reference
    private PluginCatalogue catalogue;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Plugin");
        table.column("Kind");
        table.column("Version");
        table.column("Vendor");
        table.column("Licence");
        table.column("Personal data");
        table.column("State");
        table.column("Integrity");
        for (PluginEntry entry : catalogue.entries()) {
            table.addRow().addContent(entry.name(), entry.kind(), entry.version(), entry.vendor(), entry.licence(),
                    entry.personalData().isEmpty() ? "none" : String.join(",", entry.personalData()),
                    entry.installed() ? "installed" : "available", entry.intact() ? "verified"
                            : entry.artifacts().stream().anyMatch(a -> a.recordedSha256() != null && !a.verified())
                                    ? "ALTERED" : "unverified");
        }
        table.print(System.out);
        return null;
    }
}
