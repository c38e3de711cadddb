package nl.uitkijk.shell.internal;

import nl.uitkijk.api.governance.AuditEntry;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "audit-list", description = "Shows the newest entries of the audit log")
@Service
public class AuditListCommand implements Action {

    @Reference
    private AuditLog audit;

    @Option(name = "-n", aliases = "--count", description = "How many entries (default 50)")
    private int count = 50;

    @Option(name = "-u", aliases = "--user", description = "Only this user's entries")
    private String user;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("#");
        table.column("When (UTC)");
        table.column("Who");
        table.column("What");
        table.column("Subject");
        table.column("From");
        table.column("Why");
        table.column("Detail").maxSize(60);
        for (AuditEntry entry : audit.entries(null, null, user, count)) {
            table.addRow().addContent(entry.sequence(), entry.at(), entry.actor(), entry.action(), entry.subject(),
                    entry.origin(), entry.reason(), entry.detail());
        }
        table.print(System.out);
        return null;
    }
}
