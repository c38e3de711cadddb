package nl.uitkijk.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.CameraShares;

/**
 * Who may see a camera without its privacy masks: supervisors (and administrators), and the police for a camera
 * shared with them; always with a reason, audited as {@code privacy.unmask} on its own. Operators never.
 */
final class Unmask {

    private Unmask() {
    }

    /**
     * Null when the unmask may go ahead (it is then audited), otherwise the refusal: 403 for a role without the
     * right, 400 without a reason.
     */
    static Response refusal(SecurityContext security, CameraShares shares, String cameraId, String reason,
            Audit audit, String what) {
        boolean may = security.isUserInRole(Role.ADMIN.principal())
                || security.isUserInRole(Role.SUPERVISOR.principal())
                || security.isUserInRole(Role.POLICE.principal()) && shares.sharedWith(cameraId, CameraShares.POLICE);
        if (!may) {
            return ErrorBody.response(Response.Status.FORBIDDEN, "forbidden", "unmask: only supervisors, and the "
                    + "police for a camera shared with them, may see a camera without its privacy masks");
        }
        if (reason == null || reason.isBlank()) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "reason: required to see a camera "
                    + "without its privacy masks (recorded in the audit log)");
        }
        audit.record(AuditActions.PRIVACY_UNMASK, cameraId, reason.strip(), what);
        return null;
    }
}
