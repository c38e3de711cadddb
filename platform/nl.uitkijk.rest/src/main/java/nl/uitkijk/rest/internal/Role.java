package nl.uitkijk.rest.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles the server checks, as JAAS role principals of the Karaf realm (groups in etc/users.properties hold them).
 * Karaf's own roles ({@code viewer}, {@code manager}, {@code systembundles}, {@code ssh}) mean nothing here: an
 * account of Karaf's {@code viewer} role sees no camera.
 */
public enum Role {
    /** Everything; may call every method with an {@link Allow}. */
    ADMIN("admin", "everything: cameras, designations, deployments, recording, retention, holds, discovery, users, "
            + "plugins, live view, playback, export, the audit trail"),
    OPERATOR("operator", "cameras and their status, live view within the legal basis and its live-view windows, "
            + "playback, PTZ, the alarm queue, incidents (journal, footage held for them, procedures ticked), the "
            + "shift log and saved walls (every view is logged)"),
    SUPERVISOR("supervisor", "as an operator, and export with a required reason (logged with its SHA-256), the "
            + "list of accounts, procedures, outcomes, the room's shared walls and the control room's figures"),
    AUDITOR("auditor", "the audit trail, this inventory, and incidents, procedures, the shift log and the figures "
            + "to read; no images, no cameras, no changes"),
    POLICE("police", "only the cameras an administrator shared with the police: live view, playback and export "
            + "within the legal basis (logged); no camera configuration"),
    PROCUREMENT("procurement", "the plugin catalogue (what each plugin is, the personal data it processes, its "
            + "licence, conformance and checksums) and the distribution's SBOM; no cameras, no images, no changes"),
    /** A monitoring system with the scrape token (or an account given this role). */
    METRICS("metrics", "the Prometheus metrics only (health of cameras, streams, recording, storage; no images)");

    private final String principal;
    private final String access;

    Role(String principal, String access) {
        this.principal = principal;
        this.access = access;
    }

    /** What the role may do, as the DPIA inventory states it. */
    public String access() {
        return access;
    }

    /** The role principal's name in the JAAS realm. */
    public String principal() {
        return principal;
    }

    static Optional<Role> of(String principal) {
        return Arrays.stream(values()).filter(role -> role.principal.equals(principal)).findFirst();
    }
}
