package nl.uitkijk.shell.internal;

import nl.uitkijk.api.governance.RetentionReport;
import nl.uitkijk.api.governance.RetentionService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "retention-run", description = "Deletes now the footage that retention no longer allows")
@Service
public class RetentionRunCommand implements Action {

    @Reference
    private RetentionService retention;

    @Override
    public Object execute() {
        RetentionReport report = retention.run();
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Cause");
        table.column("Before");
        table.column("Bytes");
        report.deletions().forEach(d -> table.addRow().addContent(d.cameraId(), d.cause(), d.cutoff(), d.bytes()));
        table.print(System.out);
        System.out.println(report.bytesDeleted() + " bytes deleted");
        report.warnings().forEach(w -> System.out.println("Warning: " + w));
        return null;
    }
}
