package nl.uitkijk.api.alarm;

import java.time.Instant;

/**
 * One alarm.
 *
 * @param cameraId the camera it concerns, or {@code null} (a designation warning)
 * @param type short kind: {@code camera-offline}, {@code camera-online}, {@code tamper}, {@code motion},
 *        {@code input}, {@code designation}
 * @param summary one line for the operator, in the words of the source
 * @param acknowledgedBy {@code null} while open
 */
public record Alarm(long id, Instant raised, String cameraId, String type, Priority priority, String summary,
        String acknowledgedBy, Instant acknowledgedAt, String comment) {

    /** How urgent: a high-priority alarm sounds in the console. */
    public enum Priority {
        HIGH, MEDIUM, LOW
    }

    public boolean open() {
        return acknowledgedBy == null;
    }
}
