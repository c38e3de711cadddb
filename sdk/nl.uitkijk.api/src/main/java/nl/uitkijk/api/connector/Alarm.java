package nl.uitkijk.api.connector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;

/**
 * An alarm as a control room receives it.
 *
 * @param id unique id, also the idempotency key for receivers (redelivery carries the same id)
 * @param number the installation's running number, for people
 * @param cameraId camera it concerns, or {@code null}
 * @param type e.g. {@code motion}, {@code crowd}, {@code tamper}, {@code camera-offline}
 * @param priority how urgent ({@link Priority#level()} gives 1 (highest) to 5)
 * @param raisedAt when it happened
 * @param description short text for the operator
 * @param attributes further facts, keys below
 */
public record Alarm(UUID id, long number, String cameraId, String type, Priority priority, Instant raisedAt,
        String description, Map<String, String> attributes) {

    /** The camera's name. */
    public static final String CAMERA_NAME = "cameraName";
    /** The camera's site (e.g. {@code Heerlen Centrum}). */
    public static final String SITE = "site";
    /** The user who raised the alarm by hand. */
    public static final String RAISED_BY = "raisedBy";
    /** An HTTPS link that plays the camera's live picture without an account, while a hand-over lasts. */
    public static final String HANDOVER_URL = "handoverUrl";
    /** When that link stops working (ISO-8601). */
    public static final String HANDOVER_UNTIL = "handoverUntil";
    /** The installation that sent it (e.g. {@code gemeente-heerlen}). */
    public static final String SOURCE = "source";

    public Alarm {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
