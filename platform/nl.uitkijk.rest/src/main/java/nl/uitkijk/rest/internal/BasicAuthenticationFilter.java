package nl.uitkijk.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.security.auth.login.LoginException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.CameraShares;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of every API call: HTTP Basic against a Karaf JAAS realm (by default {@code karaf}: the same
 * accounts as the console and ssh), or the web console's session cookie, with its CSRF token on every change. What a
 * user may do is {@link AccessPolicy}'s decision. Refused sign-ins go into the audit log. Health and the OpenAPI
 * document are open so that monitoring and integrators need no account.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "nl.uitkijk.rest.security")
@Designate(ocd = BasicAuthenticationFilter.Configuration.class)
@JaxrsExtension
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

    @ObjectClassDefinition(name = "Uitkijk REST security", description = "Authentication of the REST API.")
    public @interface Configuration {
        @AttributeDefinition(name = "JAAS realm", description = "Karaf JAAS realm that checks the credentials.")
        String realm() default "karaf";
    }

    /** Sent by the web console with every request. */
    static final String CONSOLE_HEADER = "X-Requested-With";
    private static final Set<String> OPEN_PATHS = Set.of("health", "openapi.json");
    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticationFilter.class);

    /** The servlet request of the call being filtered (a thread-local proxy injected by the JAX-RS runtime). */
    @Context
    private HttpServletRequest servletRequest;

    private final String realm;
    /** When each (user, address) was last seen: HTTP Basic has no sessions, so a sign-in is a return after a pause. */
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    static final long SIGN_IN_PAUSE_NANOS = TimeUnit.MINUTES.toNanos(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    private final ConsoleSessions sessions;
    private final CameraShares shares;

    @Activate
    public BasicAuthenticationFilter(Configuration configuration, @Reference ConsoleSessions sessions,
            @Reference CameraShares shares) {
        this.realm = configuration.realm();
        this.sessions = sessions;
        this.shares = shares;
    }


    @Override
    public void filter(ContainerRequestContext request) {
        String path = stripSlashes(request.getUriInfo().getPath());
        if (OPEN_PATHS.contains(path) || path.equals("session") && request.getMethod().equals(HttpMethod.POST)) {
            return; // signing in is how one gets a session
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String user;
        Set<String> roles;
        if (header == null && request.getCookies().containsKey(ConsoleSessions.COOKIE)) {
            var session = sessions.touch(request.getCookies().get(ConsoleSessions.COOKIE).getValue());
            if (session.isEmpty()) {
                request.abortWith(ErrorBody.response(Response.Status.UNAUTHORIZED, "unauthorized",
                        "the session has ended: sign in again"));
                return;
            }
            if (!READ_METHODS.contains(request.getMethod())
                    && !ConsoleSessions.csrfMatches(session.get(), request.getHeaderString(ConsoleSessions.CSRF_HEADER))) {
                LOG.warn("Refused a {} to {} by '{}' from {}: CSRF token missing or wrong", request.getMethod(), path,
                        session.get().user(), origin());
                request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                        "the request lacks this session's CSRF token"));
                return;
            }
            user = session.get().user();
            roles = session.get().roles();
        } else {
            Credentials credentials = Credentials.parse(header);
            if (credentials == null) {
                // The console's own requests get no Basic challenge: a browser would open its login dialog on it.
                request.abortWith(request.getHeaderString(CONSOLE_HEADER) != null
                        ? ErrorBody.response(Response.Status.UNAUTHORIZED, "unauthorized", "not signed in")
                        : unauthorized("authentication required (HTTP Basic)"));
                return;
            }
            try {
                roles = JaasLogin.roles(realm, credentials.user(), credentials.password());
            } catch (LoginException e) {
                LOG.info("REST login refused for user '{}'", credentials.user());
                AuditLog log = auditLog;
                if (log != null) {
                    log.record(credentials.user(), AuditActions.SIGN_IN_REFUSED, "", origin(), "",
                            "wrong user name or password");
                }
                request.abortWith(unauthorized("user name or password is wrong"));
                return;
            }
            user = credentials.user();
            recordSignIn(user, request);
        }
        var refusal = AccessPolicy.refusal(request.getMethod(), path, roles);
        if (refusal.isPresent()) {
            request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "user '" + user + "' may not " + refusal.get()));
            return;
        }
        String camera = AccessPolicy.cameraOf(path);
        if (camera != null && AccessPolicy.policeOnly(roles) && !shares.sharedWith(camera, CameraShares.POLICE)) {
            request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "camera '" + camera + "' is not shared with the police"));
            return;
        }
        request.setSecurityContext(new UserSecurityContext(user, roles, request.getSecurityContext().isSecure()));
    }

    /** "REST <client address>", or "REST" where no servlet request is at hand. */
    private String origin() {
        try {
            HttpServletRequest http = servletRequest;
            return http == null ? "REST" : Audit.origin(http);
        } catch (RuntimeException e) {
            return "REST"; // the proxy has no request outside a call
        }
    }

    private void recordSignIn(String user, ContainerRequestContext request) {
        String origin = origin();
        long now = System.nanoTime();
        Long before = lastSeen.put(user + "|" + origin, now);
        AuditLog log = auditLog;
        if (log != null && (before == null || now - before > SIGN_IN_PAUSE_NANOS)) {
            log.record(user, AuditActions.SIGN_IN, "", origin, "", "");
        }
        if (lastSeen.size() > 10_000) {
            lastSeen.values().removeIf(seen -> now - seen > SIGN_IN_PAUSE_NANOS);
        }
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(ErrorBody.response(Response.Status.UNAUTHORIZED, "unauthorized", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Uitkijk\", charset=\"UTF-8\"").build();
    }

    private static String stripSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    record Credentials(String user, String password) {
        static Credentials parse(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
    }

    private record UserSecurityContext(String user, Set<String> roles, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return () -> user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
