package nl.uitkijk.api.alarm;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One alarm.
 *
 * @param id globally unique: the idempotency key every control room receives with it (a receiver that sees an id
 *        again has seen that alarm), never reused, not even after the database was made anew
 * @param number the installation's running number, for people ("alarm 42")
 * @param cameraId the camera it concerns, or {@code null} (a designation warning, a platform fault)
 * @param type short kind: {@code camera-offline}, {@code camera-online}, {@code tamper}, {@code motion},
 *        {@code input}, {@code designation}, {@code delivery-failing}, or what an operator or a module named
 * @param summary one line for the operator, in the words of the source
 * @param raisedBy the user who raised it by hand, or {@code null} when a camera, module or the platform did
 * @param acknowledgedBy {@code null} while open
 */
public record Alarm(UUID id, long number, Instant raised, String cameraId, String type, Priority priority,
        String summary, String raisedBy, String acknowledgedBy, Instant acknowledgedAt, String comment) {

    /** How urgent: a high-priority alarm sounds in the console. */
    public enum Priority {
        HIGH(1), MEDIUM(3), LOW(5);

        private final int level;

        Priority(int level) {
            this.level = level;
        }

        /** The level on the 1 (most urgent) to 5 scale that control rooms use. */
        public int level() {
            return level;
        }

        /**
         * Reads {@code HIGH}/{@code MEDIUM}/{@code LOW} (any case) or a level 1–5 (1–2 high, 3 medium, 4–5 low).
         *
         * @throws IllegalArgumentException naming what is accepted
         */
        public static Priority parse(String text) {
            String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            switch (value) {
                case "HIGH", "1", "2":
                    return HIGH;
                case "MEDIUM", "3":
                    return MEDIUM;
                case "LOW", "4", "5":
                    return LOW;
                default:
                    throw new IllegalArgumentException("priority: HIGH, MEDIUM, LOW or a level 1 (most urgent) to 5");
            }
        }
    }

    public boolean open() {
        return acknowledgedBy == null;
    }
}
