package nl.uitkijk.api.governance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A live hand-over: cameras shared with a control room for an incident, for a limited time, through an unguessable
 * HTTPS link that plays their live picture without an account.
 *
 * @param party the control room (a connector instance id, e.g. {@code police})
 * @param reason why (the incident), for the audit trail
 * @param alarmId the alarm whose delivery carries the link, or {@code null}
 * @since 1.7
 */
public record Handover(UUID id, Set<String> cameraIds, String party, String reason, String createdBy,
        Instant created, Instant until, String revokedBy, Instant revoked, UUID alarmId) {

    public Handover {
        cameraIds = Set.copyOf(cameraIds);
    }

    /** Whether the link plays at that moment: not revoked, not past its time. */
    public boolean activeAt(Instant at) {
        return revoked == null && at.isBefore(until);
    }
}
