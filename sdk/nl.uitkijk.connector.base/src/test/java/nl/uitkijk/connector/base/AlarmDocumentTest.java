package nl.uitkijk.connector.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Alarm;
import org.junit.jupiter.api.Test;

class AlarmDocumentTest {

    @Test
    void theDocumentCarriesTheIdAndWhatAControlRoomNeeds() throws Exception {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        Alarm alarm = new Alarm(id, 42, "centrum-1", "fight", Priority.HIGH, Instant.parse("2026-12-01T20:15:03Z"),
                "Vechtpartij Pancratiusplein", Map.of(Alarm.SOURCE, "gemeente-heerlen", Alarm.CAMERA_NAME,
                        "Pancratiusplein", Alarm.HANDOVER_URL, "https://vms.heerlen.nl/share/abc", Alarm.HANDOVER_UNTIL,
                        "2026-12-01T22:15:03Z", "zone", "3"));
        JsonNode json = new ObjectMapper().readTree(AlarmDocument.bytes(alarm));
        assertEquals(id.toString(), json.get("id").asText());
        assertEquals(42, json.get("number").asLong());
        assertEquals("HIGH", json.get("priority").asText());
        assertEquals(1, json.get("level").asInt());
        assertEquals("2026-12-01T20:15:03Z", json.get("raisedAt").asText());
        assertEquals("gemeente-heerlen", json.get("source").asText());
        assertEquals("https://vms.heerlen.nl/share/abc", json.at("/handover/url").asText());
        assertEquals("3", json.at("/attributes/zone").asText());
        assertFalse(json.has("raisedBy"));
    }

    @Test
    void onlyThisMachineIsLoopback() {
        assertTrue(PlainTextLinks.loopback("127.0.0.1"));
        assertTrue(PlainTextLinks.loopback("localhost"));
        assertTrue(PlainTextLinks.loopback("[::1]"));
        assertFalse(PlainTextLinks.loopback("192.0.2.7"));
        assertFalse(PlainTextLinks.loopback("meldkamer.invalid"));
    }
}
