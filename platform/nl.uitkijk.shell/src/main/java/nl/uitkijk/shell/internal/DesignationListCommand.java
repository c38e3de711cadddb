package nl.uitkijk.shell.internal;

import java.time.Instant;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "designation-list", description = "Lists the designations (aanwijzingsbesluiten, "
        + "Gemeentewet art. 151c)")
@Service
public class DesignationListCommand implements Action {

    @Reference
    private Designations designations;

    @Override
    public Object execute() {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Decision");
        table.column("Valid from");
        table.column("Valid until");
        table.column("Now");
        table.column("Purpose").maxSize(50);
        for (Designation d : designations.all()) {
            String state = now.isBefore(d.validFrom()) ? "not yet" : now.isBefore(d.validUntil()) ? "valid" : "ended";
            table.addRow().addContent(d.id(), d.name(), d.decisionReference(), d.validFrom(), d.validUntil(), state,
                    d.purpose());
        }
        table.print(System.out);
        return null;
    }
}
