package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.api.governance.CameraShares;
import nl.uitkijk.api.user.UserAccount;
import nl.uitkijk.api.user.UserAccounts;
import nl.uitkijk.rest.internal.live.LiveTickets;
import nl.uitkijk.rest.internal.live.LiveTickets.LiveTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An open socket keeps to the rules its ticket was issued under, checked again while it is open. */
class WatchRightsTest {

    private final ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(15), Duration.ofHours(12),
            java.time.Clock.systemUTC());
    private final Set<String> shared = new HashSet<>(Set.of("markt"));
    private final List<UserAccount> accounts = new CopyOnWriteArrayList<>();
    private final WatchRights rights = new WatchRights(sessions, new Shares(), new Accounts());

    @AfterEach
    void stop() {
        rights.stop();
    }

    private final class Shares implements CameraShares {
        @Override
        public boolean sharedWith(String cameraId, String party) {
            return party.equals(POLICE) && shared.contains(cameraId);
        }

        @Override
        public Set<String> camerasSharedWith(String party) {
            return Set.copyOf(shared);
        }

        @Override
        public boolean share(String cameraId, String party, String user) {
            return shared.add(cameraId);
        }

        @Override
        public boolean unshare(String cameraId, String party, String user) {
            return shared.remove(cameraId);
        }
    }

    /** Only what the rights read: the accounts and their roles. */
    private final class Accounts implements UserAccounts {
        @Override
        public List<UserAccount> accounts() {
            return List.copyOf(accounts);
        }

        @Override
        public UserAccount create(String name, String password, String role, String by) {
            throw new IllegalStateException("not used by the rights");
        }

        @Override
        public UserAccount changeRole(String name, String role, String by) {
            throw new IllegalStateException("not used by the rights");
        }

        @Override
        public void changePassword(String name, String password, String by) {
            throw new IllegalStateException("not used by the rights");
        }

        @Override
        public void remove(String name, String by) {
            throw new IllegalStateException("not used by the rights");
        }
    }

    private static LiveTicket ticket(String user, String session, String camera) {
        return new LiveTicket(user, session, "console 127.0.0.1", camera, "", false, 0, Instant.now(), null, false);
    }

    private Optional<String> lapsed(LiveTicket ticket) {
        Map<String, Set<String>> roles = new java.util.HashMap<>();
        accounts.forEach(account -> roles.put(account.name(), account.roles()));
        return rights.lapsed(ticket, roles);
    }

    @Test
    void signingOutEndsTheSocketsOfThatSessionOnly() {
        accounts.add(new UserAccount("anna", "operator", Set.of("operator")));
        String first = sessions.open("anna", Set.of("operator"), "127.0.0.1").id();
        String second = sessions.open("anna", Set.of("operator"), "127.0.0.1").id();
        assertEquals(Optional.empty(), lapsed(ticket("anna", first, "markt")));
        sessions.close(first);
        assertEquals(Optional.of("signed out"), lapsed(ticket("anna", first, "markt")));
        assertEquals(Optional.empty(), lapsed(ticket("anna", second, "markt")));
        assertEquals(Optional.empty(), lapsed(ticket("anna", null, "markt")), "over HTTP Basic: no session to end");
    }

    @Test
    void aRemovedAccountOrAChangedRoleEndsIt() {
        accounts.add(new UserAccount("anna", "operator", Set.of("operator")));
        assertEquals(Optional.empty(), lapsed(ticket("anna", null, LiveTickets.ALARMS)));
        accounts.set(0, new UserAccount("anna", "auditor", Set.of("auditor")));
        assertEquals(Optional.of("the account's role no longer allows it"), lapsed(ticket("anna", null, "markt")));
        assertEquals(Optional.of("the account's role no longer allows it"),
                lapsed(ticket("anna", null, LiveTickets.ALARMS)));
        accounts.set(0, new UserAccount("anna", "", Set.of("viewer")));
        assertEquals(Optional.of("the account's role no longer allows it"), lapsed(ticket("anna", null, "markt")),
                "Karaf's viewer role is not an operator");
        accounts.clear();
        assertEquals(Optional.of("the account was removed"), lapsed(ticket("anna", null, "markt")));
    }

    @Test
    void thePoliceLoseTheCameraWhenItIsNoLongerShared() {
        accounts.add(new UserAccount("paul", "police", Set.of("police")));
        assertEquals(Optional.empty(), lapsed(ticket("paul", null, "markt")));
        assertEquals(Optional.of("the account's role no longer allows it"),
                lapsed(ticket("paul", null, LiveTickets.ALARMS)), "the police have no alarm queue");
        shared.remove("markt");
        assertEquals(Optional.of("the camera is no longer shared with the police"),
                lapsed(ticket("paul", null, "markt")));
    }

    @Test
    void aWatchedSocketIsToldOnceAndAClosedOneNever() throws Exception {
        accounts.add(new UserAccount("anna", "operator", Set.of("operator")));
        String session = sessions.open("anna", Set.of("operator"), "127.0.0.1").id();
        List<String> told = new ArrayList<>();
        List<String> closedTold = new ArrayList<>();
        rights.watch(ticket("anna", session, "markt"), told::add);
        rights.watch(ticket("anna", session, "plein"), closedTold::add).close();
        rights.checkAll();
        assertTrue(told.isEmpty());
        sessions.closeAllOf("anna");
        rights.checkAll();
        rights.checkAll();
        assertEquals(List.of("signed out"), told);
        assertTrue(closedTold.isEmpty(), "a socket that closed is no longer watched");
    }
}
