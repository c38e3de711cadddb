package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static boolean allowed(String method, String path, String... roles) {
        return AccessPolicy.refusal(method, path, Set.of(roles)).isEmpty();
    }

    @Test
    void operatorsWatchSteerAndPlayBackButNeitherExportNorManage() {
        assertTrue(allowed("GET", "cameras", "operator"));
        assertTrue(allowed("GET", "cameras/c1/timeline", "operator"));
        assertTrue(allowed("POST", "cameras/c1/ptz", "operator"));
        assertTrue(allowed("POST", "live/tickets", "operator"));
        assertTrue(allowed("POST", "alarms/17/acknowledge", "operator"));
        assertEquals(Optional.of("change this"), AccessPolicy.refusal("POST", "alarms/17/acknowledge", Set.of("auditor")));
        assertTrue(allowed("GET", "cameras", "viewer"), "the older role name still works");
        assertEquals(Optional.of("export footage"), AccessPolicy.refusal("GET", "cameras/c1/export", Set.of("operator")));
        assertEquals(Optional.of("change this"), AccessPolicy.refusal("POST", "cameras", Set.of("operator")));
        assertEquals(Optional.of("change this"), AccessPolicy.refusal("DELETE", "cameras/c1", Set.of("supervisor")));
        assertEquals(Optional.of("read the audit trail"), AccessPolicy.refusal("GET", "audit", Set.of("operator")));
        assertEquals(Optional.of("manage cameras"), AccessPolicy.refusal("GET", "discovery", Set.of("supervisor")));
    }

    @Test
    void supervisorsExportAuditorsSeeOnlyTheTrailAdminsEverything() {
        assertTrue(allowed("GET", "cameras/c1/export", "supervisor"));
        assertTrue(allowed("GET", "audit/verify", "auditor"));
        assertTrue(allowed("GET", "dpia", "auditor"));
        assertEquals(Optional.of("read this"), AccessPolicy.refusal("GET", "cameras", Set.of("auditor")));
        assertTrue(allowed("GET", "cameras", "police"), "the list, filtered to the shared cameras");
        assertTrue(allowed("GET", "cameras/c1/export", "police"));
        assertTrue(allowed("POST", "live/tickets", "police"));
        assertEquals(Optional.of("do this (only shared cameras)"),
                AccessPolicy.refusal("GET", "alarms", Set.of("police")));
        assertEquals(Optional.of("do this (only shared cameras)"),
                AccessPolicy.refusal("POST", "cameras/c1/ptz", Set.of("police")));
        assertEquals("c1", AccessPolicy.cameraOf("cameras/c1/export"));
        assertEquals("c1", AccessPolicy.cameraOf("cameras/c1"));
        assertTrue(allowed("DELETE", "cameras/c1", "admin"));
        assertTrue(allowed("DELETE", "session", "auditor"), "everyone may sign out");
        assertTrue(allowed("PUT", "me/preferences/wall", "police"), "everyone keeps their own wall");
        assertTrue(allowed("GET", "users", "supervisor"), "supervisors see the users");
        assertEquals(Optional.of("manage users"), AccessPolicy.refusal("GET", "users", Set.of("operator")));
        assertEquals(Optional.of("manage users"), AccessPolicy.refusal("PUT", "users/anna", Set.of("supervisor")));
        assertTrue(allowed("DELETE", "users/anna", "admin"));
        assertEquals(Optional.of("manage plugins"), AccessPolicy.refusal("GET", "plugins", Set.of("supervisor")));
        assertTrue(allowed("PUT", "plugins/uitkijk-driver-axis", "admin"));
        assertTrue(allowed("GET", "me/preferences/wall", "auditor"));
        assertEquals(Optional.of("change this"), AccessPolicy.refusal("POST", "cameras/c1/ptz", Set.of()));
    }
}
