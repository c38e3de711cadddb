package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.Delivery;

/**
 * An alarm as the REST API and the alarm socket show it: its global {@code id} (the {@code webhook-id} and MQTT
 * payload id control rooms receive), the running {@code number}, and each control room's delivery.
 */
public record AlarmJson(UUID id, long number, Instant raised, String cameraId, String type, String priority,
        int level, String summary, String description, String raisedBy, String acknowledgedBy,
        Instant acknowledgedAt, String comment, List<Delivery> deliveries) {

    public static AlarmJson of(Alarm alarm, List<Delivery> deliveries) {
        return new AlarmJson(alarm.id(), alarm.number(), alarm.raised(), alarm.cameraId(), alarm.type(),
                alarm.priority().name(), alarm.priority().level(), alarm.summary(), alarm.summary(), alarm.raisedBy(),
                alarm.acknowledgedBy(), alarm.acknowledgedAt(), alarm.comment(), deliveries);
    }
}
