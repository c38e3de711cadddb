package nl.uitkijk.rest.internal;

import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of every API call: HTTP Basic against a Karaf JAAS realm (by default {@code karaf}: the same
 * accounts as the console and ssh), or the web console's session cookie, with its CSRF token on every change. What a
 * user may do is declared on the resource method the request was routed to ({@link Allow}, {@link SignedIn},
 * {@link Open}) and decided by {@link AccessPolicy} before the method runs; the URL's spelling plays no part.
 * Refused sign-ins go into the audit log.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

    /** Sent by the web console with every request. */
    static final String CONSOLE_HEADER = "X-Requested-With";
    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticationFilter.class);

    /** The servlet request of the call being filtered (a thread-local proxy injected by the JAX-RS runtime). */
    @Context
    private HttpServletRequest servletRequest;

    /** The resource method the request was routed to: what the access rule is read from (a thread-local proxy). */
    @Context
    private ResourceInfo resourceInfo;

    /** When each (user, address) was last seen: HTTP Basic has no sessions, so a sign-in is a return after a pause. */
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    static final long SIGN_IN_PAUSE_NANOS = TimeUnit.MINUTES.toNanos(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    private final ConsoleSessions sessions;
    private final CameraShares shares;

    private final SignIns signIns;
    private final ScrapeToken scrapeToken;

    @Activate
    public BasicAuthenticationFilter(@Reference SignIns signIns, @Reference ConsoleSessions sessions,
            @Reference CameraShares shares, @Reference ScrapeToken scrapeToken) {
        this.signIns = signIns;
        this.scrapeToken = scrapeToken;
        this.sessions = sessions;
        this.shares = shares;
    }


    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        boolean open = AccessPolicy.open(method);
        if (open && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && consoleCookie(request) == null) {
            return; // health, the OpenAPI document and signing in (how one gets a session): anyone
        }
        // An open method with credentials checks them as any other does: health then tells an administrator more.
        UserSecurityContext signedIn = authenticate(request, !open);
        if (signedIn == null) {
            return; // refused (the request is aborted), or an open method without a valid session
        }
        var parameters = request.getUriInfo().getPathParameters();
        var refusal = AccessPolicy.refusal(method, signedIn.roles(), parameters::getFirst,
                camera -> shares.sharedWith(camera, CameraShares.POLICE));
        if (refusal.isPresent()) {
            if (method != null && !method.isAnnotationPresent(Allow.class)
                    && !method.isAnnotationPresent(SignedIn.class) && !open) {
                LOG.error("Refused {} {}: {} declares no access rule", request.getMethod(),
                        request.getUriInfo().getPath(), method);
            }
            request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "user '" + signedIn.user() + "' may not " + refusal.get()));
            return;
        }
        request.setSecurityContext(signedIn);
    }

    /**
     * Who sent the request: a console session (with its CSRF token on a change) or HTTP Basic against the realm.
     *
     * @param required whether a request without a session or credentials is refused
     * @return the user, or null when the request was aborted or (not required) carries no valid session
     */
    private UserSecurityContext authenticate(ContainerRequestContext request, boolean required) {
        boolean secure = request.getSecurityContext().isSecure();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String cookie = consoleCookie(request);
        if (header == null && cookie != null) {
            var session = sessions.touch(cookie);
            if (session.isEmpty()) {
                if (required) {
                    request.abortWith(ErrorBody.response(Response.Status.UNAUTHORIZED, "unauthorized",
                            "the session has ended: sign in again"));
                }
                return null;
            }
            if (!READ_METHODS.contains(request.getMethod())
                    && !ConsoleSessions.csrfMatches(session.get(), request.getHeaderString(ConsoleSessions.CSRF_HEADER))) {
                if (!required) {
                    return null; // signing in anew from a console page that still holds an old cookie
                }
                LOG.warn("Refused a {} to {} by '{}' from {}: CSRF token missing or wrong", request.getMethod(),
                        request.getUriInfo().getPath(), session.get().user(), origin());
                request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                        "the request lacks this session's CSRF token"));
                return null;
            }
            rememberSession(session.get().id());
            return new UserSecurityContext(session.get().user(), session.get().roles(), secure);
        }
        if (scrapeToken.matches(header)) {
            return new UserSecurityContext(ScrapeToken.SCRAPER, Set.of(Role.METRICS.principal()), secure);
        }
        Credentials credentials = Credentials.parse(header);
        if (credentials == null) {
            if (!required) {
                return null;
            }
            // The console's own requests get no Basic challenge: a browser would open its login dialog on it.
            request.abortWith(request.getHeaderString(CONSOLE_HEADER) != null
                    ? ErrorBody.response(Response.Status.UNAUTHORIZED, "unauthorized", "not signed in")
                    : unauthorized("authentication required (HTTP Basic)"));
            return null;
        }
        Set<String> roles;
        try {
            roles = signIns.signIn(credentials.user(), credentials.password(), address(), origin());
        } catch (SignIns.Refused refused) {
            Response response = unauthorized(refused.getMessage());
            if (refused.status == 429) {
                response = Response.fromResponse(ErrorBody.response(Response.Status.TOO_MANY_REQUESTS,
                        "too_many_requests", refused.getMessage())).header(HttpHeaders.RETRY_AFTER,
                                retryAfterSeconds(refused)).build();
            }
            request.abortWith(response);
            return null;
        }
        recordSignIn(credentials.user(), request);
        return new UserSecurityContext(credentials.user(), roles, secure);
    }

    /** The servlet request attribute that holds the console session a request was authenticated by. */
    private static final String SESSION_ATTRIBUTE = "nl.uitkijk.console.session";

    /** The console session the request was authenticated by, or null (HTTP Basic). */
    static String consoleSession(HttpServletRequest http) {
        return http.getAttribute(SESSION_ATTRIBUTE) instanceof String id ? id : null;
    }

    private void rememberSession(String id) {
        try {
            servletRequest.setAttribute(SESSION_ATTRIBUTE, id);
        } catch (RuntimeException e) {
            LOG.debug("No servlet request to remember the session on: {}", e.toString());
        }
    }

    private static String consoleCookie(ContainerRequestContext request) {
        var cookie = request.getCookies().get(ConsoleSessions.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    static long retryAfterSeconds(SignIns.Refused refused) {
        return refused.retryAfter == null ? 60
                : Math.max(1, java.time.Duration.between(java.time.Instant.now(), refused.retryAfter).toSeconds());
    }

    /** The client's address, or "unknown" where no servlet request is at hand. */
    private String address() {
        try {
            HttpServletRequest http = servletRequest;
            return http == null ? "unknown" : http.getRemoteAddr();
        } catch (RuntimeException e) {
            return "unknown";
        }
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
