package nl.uitkijk.connector.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import nl.uitkijk.api.connector.Alarm;

/**
 * The JSON document of an alarm that the webhook posts and the MQTT connector publishes (documented in {@code
 * docs/connectors.md}): {@code id} (the idempotency key), {@code number}, {@code type}, {@code priority}
 * (HIGH/MEDIUM/LOW), {@code level} (1–5), {@code cameraId}, {@code raisedAt} (ISO-8601 UTC), {@code description},
 * {@code source}, then {@code cameraName}, {@code site}, {@code raisedBy} and {@code handover} ({@code url},
 * {@code until}) where known, and any further {@code attributes}.
 */
public final class AlarmDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlarmDocument() {
    }

    public static ObjectNode tree(Alarm alarm) {
        ObjectNode document = JSON.createObjectNode();
        document.put("id", alarm.id().toString());
        document.put("number", alarm.number());
        document.put("type", alarm.type());
        document.put("priority", alarm.priority().name());
        document.put("level", alarm.priority().level());
        document.put("cameraId", alarm.cameraId());
        document.put("raisedAt", alarm.raisedAt().toString());
        document.put("description", alarm.description());
        Map<String, String> rest = new TreeMap<>(alarm.attributes());
        for (String key : new String[] {Alarm.SOURCE, Alarm.CAMERA_NAME, Alarm.SITE, Alarm.RAISED_BY}) {
            String value = rest.remove(key);
            if (value != null) {
                document.put(key, value);
            }
        }
        String handover = rest.remove(Alarm.HANDOVER_URL);
        String until = rest.remove(Alarm.HANDOVER_UNTIL);
        if (handover != null) {
            ObjectNode link = document.putObject("handover");
            link.put("url", handover);
            link.put("until", until);
        }
        if (!rest.isEmpty()) {
            ObjectNode attributes = document.putObject("attributes");
            rest.forEach(attributes::put);
        }
        return document;
    }

    /** The document as UTF-8 bytes, exactly as sent (and signed). */
    public static byte[] bytes(Alarm alarm) {
        try {
            return JSON.writeValueAsBytes(tree(alarm));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alarm document could not be written", e);
        }
    }
}
