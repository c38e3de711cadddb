package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditEntry;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.AuditVerification;
import org.junit.jupiter.api.Test;

class SignInsTest {

    private static final String GOOD = "Heerlen-Markt-2026";

    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final AtomicInteger checks = new AtomicInteger();

    private final AuditLog audit = new AuditLog() {
        @Override
        public AuditEntry record(String actor, String action, String subject, String origin, String reason,
                String detail) {
            audited.add(action + " " + actor + " " + detail);
            return null;
        }

        @Override
        public List<AuditEntry> entries(Instant from, Instant to, String actor, int limit) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            return null;
        }
    };

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T08:00:00Z"));

    private final SignIns signIns = new SignIns(configuration(), audit, (user, password) -> {
        checks.incrementAndGet();
        if (!user.equals("anna") || !password.equals(GOOD)) {
            throw new LoginException("refused");
        }
        return Set.of("operator");
    }, clock);

    private static SignIns.Configuration configuration() {
        return new SignIns.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SignIns.Configuration.class;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public int maxFailuresPerAccount() {
                return 5;
            }

            @Override
            public int lockMinutes() {
                return 15;
            }

            @Override
            public int maxFailuresPerAddress() {
                return 20;
            }

            @Override
            public int addressWindowMinutes() {
                return 10;
            }

            @Override
            public int cacheSeconds() {
                return 30;
            }
        };
    }

    private int refusal(String user, String password, String address) {
        return assertThrows(SignIns.Refused.class, () -> signIns.signIn(user, password, address, "REST " + address))
                .status;
    }

    @Test
    void fiveRefusalsLockTheAccountEvenForTheRightPasswordUntilAnAdministratorLiftsIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, refusal("anna", "guess-" + i, "10.0.0." + i));
        }
        assertEquals(429, refusal("anna", GOOD, "127.0.0.1"), "locked: the right password is refused too");
        assertTrue(signIns.locked().containsKey("anna"));
        assertTrue(signIns.unlock("anna", "admin", "REST 127.0.0.1"));
        assertEquals(Set.of("operator"), signIns.signIn("anna", GOOD, "127.0.0.1", "REST"));
        assertTrue(audited.contains(AuditActions.SIGN_IN_UNLOCKED + " admin "));
    }

    @Test
    void aLockoutEndsByItself() throws Exception {
        for (int i = 0; i < 5; i++) {
            refusal("anna", "guess", "127.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        assertEquals(Set.of("operator"), signIns.signIn("anna", GOOD, "127.0.0.1", "REST"));
    }

    @Test
    void oneAddressCannotTryManyNames() {
        for (int i = 0; i < 20; i++) {
            assertEquals(401, refusal("user" + i, "x", "192.0.2.7"));
        }
        assertEquals(429, refusal("anna", GOOD, "192.0.2.7"), "the address is refused, whatever it tries");
        assertEquals(401, refusal("user0", "x", "127.0.0.1"), "other addresses are not");
        clock.advance(Duration.ofMinutes(11));
        assertEquals(401, refusal("user99", "x", "192.0.2.7"));
    }

    @Test
    void refusedSignInsCannotFloodTheAuditTrail() {
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMinutes(16)); // each lockout over before the next try: the worst case
            assertThrows(SignIns.Refused.class, () -> signIns.signIn("anna", "wrong", "127.0.0." + (checks.get() % 200),
                    "REST"));
        }
        // the first refusal and one lockout per five refusals in a row; never one entry per refusal
        assertTrue(audited.size() <= 1_000 / 5 + 1, audited.size() + " entries");
        assertTrue(audited.get(0).startsWith(AuditActions.SIGN_IN_REFUSED), audited.get(0));
        assertTrue(audited.stream().anyMatch(line -> line.startsWith(AuditActions.SIGN_IN_LOCKED)));
    }

    @Test
    void aVerifiedPasswordIsCheckedOnceWithinTheCacheTimeAndAWrongOneAlways() throws Exception {
        signIns.signIn("anna", GOOD, "127.0.0.1", "REST");
        signIns.signIn("anna", GOOD, "127.0.0.1", "REST");
        assertEquals(1, checks.get(), "the slow hash once");
        assertEquals(401, refusal("anna", GOOD + "x", "127.0.0.1"));
        assertEquals(2, checks.get());
        signIns.signIn("anna", GOOD, "127.0.0.1", "REST");
        assertEquals(3, checks.get(), "a refusal forgets the verified password");
        signIns.forget("anna");
        signIns.signIn("anna", GOOD, "127.0.0.1", "REST");
        assertEquals(4, checks.get());
        clock.advance(Duration.ofSeconds(31));
        signIns.signIn("anna", GOOD, "127.0.0.1", "REST");
        assertEquals(5, checks.get());
    }
}
