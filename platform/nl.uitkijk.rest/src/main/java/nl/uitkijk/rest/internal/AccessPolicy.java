package nl.uitkijk.rest.internal;

import java.util.Optional;
import java.util.Set;
import javax.ws.rs.HttpMethod;

/**
 * Who may do what over the API — the one place the server decides it; the console only hides what this refuses.
 * <ul>
 * <li>{@code admin}: everything (cameras, designations, discovery, users, plugins).</li>
 * <li>{@code operator} (or the older name {@code viewer}): read cameras, live view, playback, steer PTZ.</li>
 * <li>{@code supervisor}: as operator, export footage, and see the users (not change them).</li>
 * <li>{@code auditor}: the audit trail and the DPIA inventory only; no images, no cameras.</li>
 * <li>{@code police}: the cameras shared with the police ({@code CameraShares}): list, view, live, playback and
 * export; nothing else (the per-camera part is checked where the camera is known: {@link #cameraOf}).</li>
 * </ul>
 */
final class AccessPolicy {

    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";
    static final String VIEWER = "viewer";
    static final String SUPERVISOR = "supervisor";
    static final String AUDITOR = "auditor";
    static final String POLICE = "police";
    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> WATCHERS = Set.of(OPERATOR, VIEWER, SUPERVISOR);
    private static final String POLICE_CAMERA_PATHS = "cameras/[^/]+(/(timeline|playback|export))?";

    private AccessPolicy() {
    }

    /** Police and nothing more: limited to the cameras shared with the police. */
    static boolean policeOnly(Set<String> roles) {
        return roles.contains(POLICE) && !roles.contains(ADMIN) && roles.stream().noneMatch(WATCHERS::contains);
    }

    /** The camera a path is about ({@code cameras/{id}/…}), or null. */
    static String cameraOf(String path) {
        if (!path.startsWith("cameras/")) {
            return null;
        }
        int end = path.indexOf('/', 8);
        return end < 0 ? path.substring(8) : path.substring(8, end);
    }

    /** Empty when allowed; otherwise what the user may not do, for the 403. */
    static Optional<String> refusal(String method, String path, Set<String> roles) {
        if (roles.contains(ADMIN)) {
            return Optional.empty();
        }
        boolean read = READ_METHODS.contains(method);
        if (path.equals("session") || path.startsWith("me/")) {
            return Optional.empty(); // one's own session and preferences: the user comes from the session
        }
        if (path.equals("audit") || path.startsWith("audit/") || path.equals("dpia")) {
            return read && roles.contains(AUDITOR) ? Optional.empty() : Optional.of("read the audit trail");
        }
        if (path.equals("users") || path.startsWith("users/")) {
            return read && roles.contains(SUPERVISOR) ? Optional.empty() : Optional.of("manage users");
        }
        if (path.equals("plugins") || path.startsWith("plugins/")) {
            return Optional.of("manage plugins");
        }
        if (path.equals("discovery") || path.startsWith("discovery/")) {
            return Optional.of("manage cameras"); // what is on the network, and adding it, is the administrator's
        }
        if (policeOnly(roles)) {
            boolean policeRead = read && (path.equals("cameras") || path.matches(POLICE_CAMERA_PATHS));
            boolean policeLive = method.equals(HttpMethod.POST) && path.equals("live/tickets");
            return policeRead || policeLive ? Optional.empty() : Optional.of("do this (only shared cameras)");
        }
        if (path.matches("cameras/[^/]+/export")) {
            return read && roles.contains(SUPERVISOR) ? Optional.empty() : Optional.of("export footage");
        }
        boolean watcher = roles.stream().anyMatch(WATCHERS::contains);
        if (read) {
            return watcher ? Optional.empty() : Optional.of("read this");
        }
        // Steering a camera and opening a live view are an operator's actions (audited and legally checked).
        boolean operatorAction = method.equals(HttpMethod.POST) && (path.matches("cameras/[^/]+/ptz")
                || path.equals("live/tickets") || path.equals("alarms/tickets") || path.matches("alarms/[0-9]+/acknowledge"));
        return operatorAction && watcher ? Optional.empty() : Optional.of("change this");
    }
}
