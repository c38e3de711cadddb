package nl.uitkijk.shell.internal;

import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.AuditVerification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "vms", name = "audit-verify", description = "Checks the hash chain of the audit log: was any "
        + "entry changed or deleted?")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    private AuditLog audit;

    @Override
    public Object execute() {
        AuditVerification verification = audit.verify();
        if (verification.valid()) {
            System.out.println("The audit log is intact: " + verification.entries() + " entries verified");
        } else {
            System.out.println("The audit log is BROKEN at " + verification.problem() + " ("
                    + verification.entries() + " entries read)");
        }
        return null;
    }
}
