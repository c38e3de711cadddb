package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-29T22:00:00Z"));
    private final ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(15), Duration.ofHours(12), clock);

    @Test
    void aSessionLivesWhileUsedAndEndsAfterAPause() {
        ConsoleSessions.Session session = sessions.open("nachtdienst", Set.of("operator"), "127.0.0.1");
        assertNotEquals(session.id(), session.csrfToken());
        assertTrue(session.id().length() >= 43, "256 random bits");
        clock.advance(Duration.ofMinutes(14));
        assertTrue(sessions.touch(session.id()).isPresent());
        clock.advance(Duration.ofMinutes(14));
        assertTrue(sessions.touch(session.id()).isPresent(), "each request restarts the idle clock");
        clock.advance(Duration.ofMinutes(16));
        assertTrue(sessions.touch(session.id()).isEmpty(), "ended after 15 minutes without requests");
    }

    @Test
    void aBusySessionStillEndsAfterTheLongestShiftAndAtSignOut() {
        ConsoleSessions.Session session = sessions.open("nachtdienst", Set.of("operator"), "127.0.0.1");
        for (int i = 0; i < 12 * 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            sessions.touch(session.id());
        }
        clock.advance(Duration.ofMinutes(1));
        assertTrue(sessions.touch(session.id()).isEmpty());
        ConsoleSessions.Session other = sessions.open("dagdienst", Set.of("operator"), "127.0.0.1");
        sessions.close(other.id());
        assertTrue(sessions.touch(other.id()).isEmpty());
        assertTrue(sessions.touch("forged").isEmpty());
        assertTrue(sessions.touch(null).isEmpty());
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        ConsoleSessions.Session session = sessions.open("nachtdienst", Set.of("operator"), "127.0.0.1");
        assertTrue(ConsoleSessions.csrfMatches(session, session.csrfToken()));
        assertFalse(ConsoleSessions.csrfMatches(session, null));
        assertFalse(ConsoleSessions.csrfMatches(session, session.csrfToken() + "x"));
        assertFalse(ConsoleSessions.csrfMatches(session, session.id()));
        assertEquals(Duration.ofMinutes(15), sessions.idleTimeout());
    }
}
