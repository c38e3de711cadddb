package nl.uitkijk.api.governance;

import java.time.Instant;
import nl.uitkijk.api.recording.TimeRange;

/**
 * Footage of a camera that must be kept beyond its retention, for an investigation (e.g. a police request). Held
 * footage is never deleted while the hold is active.
 *
 * @param id stable id of the hold
 * @param reason why it is held, in words
 * @param caseNumber the case or registration number it belongs to (proces-verbaal, zaaknummer)
 * @param createdBy the user who placed it
 * @param releasedAt when it was released, or {@code null} while active
 */
public record LegalHold(long id, String cameraId, TimeRange range, String reason, String caseNumber,
        String createdBy, Instant createdAt, Instant releasedAt, String releasedBy) {

    public boolean active() {
        return releasedAt == null;
    }
}
