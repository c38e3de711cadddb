package nl.uitkijk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules declared on the real resource methods, read as the filter reads them. */
class AccessPolicyTest {

    private static final Set<String> SHARED = Set.of("shared-camera");

    static Method method(Class<?> resource, String name) {
        return Arrays.stream(resource.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(resource.getSimpleName() + "." + name));
    }

    private static Optional<String> refusal(Class<?> resource, String name, String camera, String... roles) {
        return AccessPolicy.refusal(method(resource, name), Set.of(roles), Map.of("id", camera)::get,
                SHARED::contains);
    }

    private static boolean allowed(Class<?> resource, String name, String... roles) {
        return refusal(resource, name, "c1", roles).isEmpty();
    }

    @Test
    void operatorsWatchSteerAndPlayBackButNeitherExportNorManage() {
        assertTrue(allowed(CameraResource.class, "list", "operator"));
        assertTrue(allowed(CameraResource.class, "timeline", "operator"));
        assertTrue(allowed(CameraResource.class, "ptz", "operator"));
        assertTrue(allowed(LiveTicketResource.class, "issue", "operator"));
        assertTrue(allowed(AlarmResource.class, "acknowledge", "operator"));
        assertFalse(allowed(CameraResource.class, "export", "operator"));
        assertFalse(allowed(CameraResource.class, "add", "operator"));
        assertFalse(allowed(CameraResource.class, "remove", "supervisor"));
        assertEquals(Optional.of("call this (it needs the role auditor or admin)"),
                refusal(AuditResource.class, "entries", "c1", "operator"));
        assertFalse(allowed(DiscoveryResource.class, "list", "supervisor"));
        assertTrue(allowed(CameraResource.class, "export", "supervisor"));
    }

    @Test
    void karafsOwnViewerRoleSeesNothing() {
        assertFalse(allowed(CameraResource.class, "list", "viewer"));
        assertFalse(allowed(CameraResource.class, "get", "viewer", "manager", "ssh"));
        assertFalse(allowed(LiveTicketResource.class, "issue", "viewer"));
    }

    @Test
    void auditorsReadTheAuditTrailAndNothingElse() {
        assertTrue(allowed(AuditResource.class, "entries", "auditor"));
        assertTrue(allowed(AuditResource.class, "verify", "auditor"));
        assertTrue(allowed(DpiaResource.class, "inventory", "auditor"));
        assertFalse(allowed(CameraResource.class, "list", "auditor"));
        assertFalse(allowed(AlarmResource.class, "acknowledge", "auditor"));
    }

    @Test
    void policeReachOnlySharedCamerasAndNothingElse() {
        assertTrue(refusal(CameraResource.class, "export", "shared-camera", "police").isEmpty());
        assertTrue(refusal(CameraResource.class, "playback", "shared-camera", "police").isEmpty());
        assertEquals(Optional.of("see camera 'c1' (it is not shared with the police)"),
                refusal(CameraResource.class, "export", "c1", "police"));
        assertFalse(refusal(CameraResource.class, "ptz", "shared-camera", "police").isEmpty());
        assertFalse(refusal(AlarmResource.class, "list", "shared-camera", "police").isEmpty());
        assertTrue(allowed(CameraResource.class, "list", "police"), "the list filters itself");
        // a police officer who is also an operator is not limited to the shared cameras
        assertTrue(allowed(CameraResource.class, "export", "police", "supervisor"));
        assertTrue(AccessPolicy.policeOnly(Set.of("police")));
        assertFalse(AccessPolicy.policeOnly(Set.of("police", "operator")));
    }

    @Test
    void usersAndPluginsAreTheAdministrators() {
        assertTrue(allowed(UserResource.class, "list", "supervisor"));
        assertFalse(allowed(UserResource.class, "change", "supervisor"));
        assertFalse(allowed(PluginResource.class, "list", "supervisor"));
        assertTrue(allowed(PluginResource.class, "install", "admin"));
        assertTrue(allowed(CameraResource.class, "remove", "admin"));
    }

    @Test
    void ownSessionAndPreferencesNeedOnlyASignIn() {
        assertTrue(allowed(PreferenceResource.class, "put", "auditor"));
        assertTrue(allowed(SessionResource.class, "signOut", "police"));
        assertTrue(AccessPolicy.open(method(SessionResource.class, "signIn")));
        assertTrue(AccessPolicy.open(method(HealthResource.class, "health")));
        assertFalse(AccessPolicy.open(method(SessionResource.class, "current")));
    }

    /** A method that declares nothing is refused to everyone, the administrator included. */
    static class Undeclared {
        public String anything() {
            return "";
        }
    }

    @Test
    void aMethodWithoutARuleIsRefusedToEveryone() {
        Method undeclared = method(Undeclared.class, "anything");
        assertEquals(Optional.of("call this (it declares no access rule)"),
                AccessPolicy.refusal(undeclared, Set.of("admin"), name -> null, camera -> true));
        assertFalse(AccessPolicy.open(undeclared));
        assertFalse(AccessPolicy.refusal(null, Set.of("admin"), name -> null, camera -> true).isEmpty());
    }
}
