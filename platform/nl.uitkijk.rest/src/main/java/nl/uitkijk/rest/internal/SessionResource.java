package nl.uitkijk.rest.internal;

import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.incident.ShiftLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Sign-in for the web console: {@code POST /session} with {@code {"user","password"}} checks them against the same
 * JAAS realm as HTTP Basic, sets the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) and answers the
 * user, roles and CSRF token; {@code GET} answers the same for a page that reloads (over HTTP Basic: the user and
 * their Uitkijk roles, without a token); {@code DELETE} signs out. Both
 * sign-in, refusal and sign-out are audited.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** What the console needs to know of its session; never the session id (that stays in the HttpOnly cookie). */
    public record SessionJson(String user, Set<String> roles, String csrfToken, long idleTimeoutSeconds) {
    }

    public record SignIn(String user, String password) {
    }

    private final ConsoleSessions sessions;
    private final SignIns signIns;
    private final AuditLog auditLog;
    private final ShiftLog shiftLog;

    @Activate
    public SessionResource(@Reference SignIns signIns, @Reference ConsoleSessions sessions,
            @Reference AuditLog auditLog, @Reference ShiftLog shiftLog) {
        this.shiftLog = shiftLog;
        this.sessions = sessions;
        this.signIns = signIns;
        this.auditLog = auditLog;
    }

    @Open
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignIn body, @Context HttpServletRequest http, @Context SecurityContext security) {
        if (body == null || body.user() == null || body.user().isBlank() || body.password() == null
                || body.user().length() > 100 || body.password().length() > 1000) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "user and password are required");
        }
        String origin = "console " + http.getRemoteAddr();
        Set<String> roles;
        try {
            roles = signIns.signIn(body.user(), body.password(), http.getRemoteAddr(), origin);
        } catch (SignIns.Refused refused) {
            if (refused.status == 429) {
                return Response.fromResponse(ErrorBody.response(Response.Status.TOO_MANY_REQUESTS,
                        "too_many_requests", refused.getMessage())).header("Retry-After",
                                BasicAuthenticationFilter.retryAfterSeconds(refused)).build();
            }
            return ErrorBody.response(Response.Status.UNAUTHORIZED, "unauthorized", refused.getMessage());
        }
        ConsoleSessions.Session session = sessions.open(body.user(), roles, http.getRemoteAddr());
        auditLog.record(body.user(), AuditActions.SIGN_IN, "", origin, "", "web console");
        try {
            shiftLog.signedIn(body.user(), java.time.Instant.now());
        } catch (IllegalStateException e) {
            // the shift log's "who was on" misses one sign-in; the sign-in itself goes on (it is audited)
            org.slf4j.LoggerFactory.getLogger(SessionResource.class).warn("Sign-in of {} not in the shift log: {}",
                    body.user(), e.getMessage());
        }
        NewCookie cookie = new NewCookie(ConsoleSessions.COOKIE, session.id(), "/", null, NewCookie.DEFAULT_VERSION,
                null, NewCookie.DEFAULT_MAX_AGE, null, security.isSecure(), true);
        return Response.ok(json(session))
                .header("Set-Cookie", cookie + "; SameSite=Strict")
                .header("Cache-Control", "no-store").build();
    }

    @SignedIn
    @GET
    public Response current(@CookieParam(ConsoleSessions.COOKIE) String id, @Context SecurityContext security) {
        var session = sessions.touch(id);
        if (session.isPresent()) {
            return Response.ok(json(session.get())).header("Cache-Control", "no-store").build();
        }
        // HTTP Basic: who the caller is, without a console session (so no CSRF token)
        Set<String> roles = new java.util.TreeSet<>();
        for (Role role : Role.values()) {
            if (security.isUserInRole(role.principal())) {
                roles.add(role.principal());
            }
        }
        return Response.ok(new SessionJson(security.getUserPrincipal().getName(), roles, null, 0))
                .header("Cache-Control", "no-store").build();
    }

    @SignedIn
    @DELETE
    public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String id, @Context HttpServletRequest http,
            @Context SecurityContext security) {
        sessions.close(id);
        String user = security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName();
        auditLog.record(user, AuditActions.SIGN_OUT, "", "console " + http.getRemoteAddr(), "", "");
        NewCookie expired = new NewCookie(ConsoleSessions.COOKIE, "", "/", null, NewCookie.DEFAULT_VERSION, null, 0,
                null, security.isSecure(), true);
        return Response.noContent().header("Set-Cookie", expired + "; SameSite=Strict").build();
    }

    private SessionJson json(ConsoleSessions.Session session) {
        return new SessionJson(session.user(), session.roles(), session.csrfToken(),
                sessions.idleTimeout().toSeconds());
    }
}
