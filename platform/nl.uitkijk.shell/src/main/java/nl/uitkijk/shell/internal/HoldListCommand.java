package nl.uitkijk.shell.internal;

import nl.uitkijk.api.governance.LegalHold;
import nl.uitkijk.api.governance.LegalHolds;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "hold-list", description = "Lists the legal holds")
@Service
public class HoldListCommand implements Action {

    @Reference
    private LegalHolds holds;

    @Option(name = "-a", aliases = "--all", description = "Also released holds")
    private boolean all;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Camera");
        table.column("From");
        table.column("To");
        table.column("Case");
        table.column("Reason");
        table.column("By");
        table.column("Released");
        for (LegalHold hold : holds.all()) {
            if (all || hold.active()) {
                table.addRow().addContent(hold.id(), hold.cameraId(), hold.range().start(), hold.range().end(),
                        hold.caseNumber(), hold.reason(), hold.createdBy(),
                        hold.active() ? "" : hold.releasedAt() + " by " + hold.releasedBy());
            }
        }
        table.print(System.out);
        return null;
    }
}
