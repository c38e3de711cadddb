package nl.uitkijk.api.governance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Live hand-overs to control rooms (a service). A hand-over is made only for cameras whose legal basis allows live
 * view now, for at most a few hours; it ends by itself, can be revoked, and every view through its link is audited
 * with the viewer's address.
 *
 * @since 1.7
 */
@ProviderType
public interface Handovers {

    /** A new hand-over and its link (the link's secret is kept sealed, so a redelivered alarm carries it again). */
    record Issued(Handover handover, URI link) {
    }

    /**
     * Shares the cameras.
     *
     * @param alarmId the alarm whose delivery will carry the link, or {@code null}
     * @throws IllegalArgumentException naming what is wrong: an unknown camera, one whose legal basis does not
     *         allow live view now, a duration beyond the maximum, no reason
     */
    Issued create(Set<String> cameraIds, String party, String reason, Duration duration, String user, UUID alarmId);

    /** The hand-over of a link's secret, active or not. */
    Optional<Handover> byToken(String token);

    Optional<Handover> handover(UUID id);

    /** The hand-over attached to an alarm. */
    Optional<Handover> forAlarm(UUID alarmId);

    /** The link of a hand-over. */
    Optional<URI> link(UUID id);

    /** The newest first; only those active now when {@code activeOnly}. */
    List<Handover> list(boolean activeOnly, int limit);

    /** @return whether it was active */
    boolean revoke(UUID id, String user);

    /** The longest a hand-over may last. */
    Duration maximum();
}
