package nl.uitkijk.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The web console's sign-in sessions: a random id in an HttpOnly, SameSite=Strict cookie and a CSRF token the page
 * sends back in a header with every change. Sessions end after a pause (idle timeout), after a night's shift at most,
 * or at sign-out; they live in memory (a restart signs everyone out, which a control room accepts).
 */
@Component(service = ConsoleSessions.class, configurationPid = "nl.uitkijk.rest.sessions")
@Designate(ocd = ConsoleSessions.Configuration.class)
public class ConsoleSessions {

    @ObjectClassDefinition(name = "Uitkijk console sessions")
    public @interface Configuration {
        @AttributeDefinition(name = "Idle timeout (minutes)", description = "A session without requests ends.")
        int idleMinutes() default 15;

        @AttributeDefinition(name = "Longest session (hours)", description = "Sign in again after this, however busy.")
        int maxHours() default 12;
    }

    static final String COOKIE = "uitkijk_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in user at one browser. */
    record Session(String id, String user, Set<String> roles, String csrfToken, String address, Instant created,
            Instant lastSeen) {
    }

    private final Duration idle;
    private final Duration longest;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Activate
    public ConsoleSessions(Configuration configuration) {
        this(Duration.ofMinutes(Math.max(1, configuration.idleMinutes())),
                Duration.ofHours(Math.max(1, configuration.maxHours())), Clock.systemUTC());
    }

    ConsoleSessions(Duration idle, Duration longest, Clock clock) {
        this.idle = idle;
        this.longest = longest;
        this.clock = clock;
    }

    Duration idleTimeout() {
        return idle;
    }

    Session open(String user, Set<String> roles, String address) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(session -> expired(session, now));
        }
        Session session = new Session(token(), user, Set.copyOf(roles), token(), address, now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle clock restarted; empty when unknown or ended. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.user(), session.roles(), session.csrfToken(),
                session.address(), session.created(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    /** Whether the session is still open, without restarting its idle clock (a live socket is not activity). */
    boolean isOpen(String id) {
        Session session = id == null ? null : sessions.get(id);
        return session != null && !expired(session, clock.instant());
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user (their role changed or the account went): roles are read at sign-in. */
    void closeAllOf(String user) {
        sessions.values().removeIf(session -> session.user().equals(user));
    }

    /** When each user with a live session was last seen (the supervisors' overview). */
    Map<String, Instant> lastSeenByUser() {
        Instant now = clock.instant();
        Map<String, Instant> seen = new java.util.HashMap<>();
        sessions.values().stream().filter(session -> !expired(session, now))
                .forEach(session -> seen.merge(session.user(), session.lastSeen(), (a, b) -> a.isAfter(b) ? a : b));
        return seen;
    }

    /** The live sessions, oldest first (who is on duty in the console). */
    List<Session> live() {
        Instant now = clock.instant();
        return sessions.values().stream().filter(session -> !expired(session, now))
                .sorted(java.util.Comparator.comparing(Session::created)).toList();
    }

    /** Whether a request's CSRF header is the session's token (compared in constant time). */
    static boolean csrfMatches(Session session, String header) {
        return header != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(Session session, Instant now) {
        return session.lastSeen().plus(idle).isBefore(now) || session.created().plus(longest).isBefore(now);
    }

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
