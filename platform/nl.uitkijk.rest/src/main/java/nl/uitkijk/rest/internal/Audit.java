package nl.uitkijk.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.governance.AuditLog;

/** Records a REST action in the audit log with who (the signed-in user) and from where (the client address). */
record Audit(AuditLog log, SecurityContext security, HttpServletRequest http) {

    void record(String action, String subject, String reason, String detail) {
        String actor = security == null || security.getUserPrincipal() == null ? "anonymous"
                : security.getUserPrincipal().getName();
        log.record(actor, action, subject, origin(http), reason, detail);
    }

    static String origin(HttpServletRequest http) {
        return http == null ? "" : "REST " + http.getRemoteAddr();
    }
}
