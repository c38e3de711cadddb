package nl.uitkijk.api.connector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alarm to be handled by a control room.
 *
 * @param id unique id, also the idempotency key for receivers (redelivery carries the same id)
 * @param cameraId camera it concerns
 * @param type e.g. {@code motion}, {@code crowd}, {@code tamper}, {@code camera-offline}
 * @param priority 1 (highest) to 5
 * @param raisedAt when it happened
 * @param description short text for the operator
 * @param attributes further facts
 */
public record Alarm(UUID id, String cameraId, String type, int priority, Instant raisedAt, String description,
        Map<String, String> attributes) {

    public Alarm {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
