package nl.uitkijk.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
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
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
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
 * HTTP Basic authentication against a Karaf JAAS realm (by default {@code karaf}: the same accounts as the console and
 * ssh). Reading needs role {@code viewer} or {@code admin}; changing needs {@code admin}; the audit trail needs
 * {@code auditor} or {@code admin}. Refused sign-ins go into the audit log. Health and the OpenAPI
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

    static final String VIEWER = "viewer";
    static final String ADMIN = "admin";
    static final String AUDITOR = "auditor";
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

    @Activate
    public BasicAuthenticationFilter(Configuration configuration) {
        this.realm = configuration.realm();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (OPEN_PATHS.contains(stripSlashes(path))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Credentials credentials = Credentials.parse(header);
        if (credentials == null) {
            request.abortWith(unauthorized("authentication required (HTTP Basic)"));
            return;
        }
        Set<String> roles;
        try {
            roles = login(credentials);
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
        boolean read = READ_METHODS.contains(request.getMethod());
        String target = stripSlashes(path);
        boolean auditPath = target.equals("audit") || target.startsWith("audit/") || target.equals("dpia");
        // The audit trail and the DPIA inventory are for administrators and auditors (the privacy officer);
        // auditors see nothing else (no images, no cameras).
        // Steering a camera is an operator's action, like watching it (it is audited and legally checked).
        boolean steering = request.getMethod().equals(HttpMethod.POST) && target.matches("cameras/[^/]+/ptz");
        boolean allowed = roles.contains(ADMIN)
                || ((read || steering) && (auditPath ? roles.contains(AUDITOR) : roles.contains(VIEWER)));
        if (!allowed) {
            request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "user '" + credentials.user() + "' may not " + (read ? "read" : "change") + " this"));
            return;
        }
        request.setSecurityContext(new UserSecurityContext(credentials.user(), roles,
                request.getSecurityContext().isSecure()));
        recordSignIn(credentials.user(), request);
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

    private Set<String> login(Credentials credentials) throws LoginException {
        Subject subject = new Subject();
        LoginContext context;
        // JAAS loads login modules through the context class loader: make it the one that sees Karaf's proxy.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RolePrincipal.class.getClassLoader());
        try {
            context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(credentials.user());
                    } else if (callback instanceof PasswordCallback password) {
                        password.setPassword(credentials.password().toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (subject.getPrincipals(UserPrincipal.class).isEmpty()) {
            throw new LoginException("no user principal");
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet());
        context.logout();
        return roles;
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
