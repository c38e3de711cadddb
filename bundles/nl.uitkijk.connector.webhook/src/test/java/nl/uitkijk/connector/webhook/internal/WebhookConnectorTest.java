package nl.uitkijk.connector.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

class WebhookConnectorTest {

    @Test
    void signsAsTheStandardWebhooksTestVectorSays() {
        // the specification's published vector (github.com/standard-webhooks/standard-webhooks)
        WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSecretWithoutThePrefixIsItsOwnBytes() {
        WebhookSignature raw = new WebhookSignature("een-geheim-van-de-meldkamer");
        WebhookSignature encoded = new WebhookSignature("whsec_" + java.util.Base64.getEncoder().encodeToString(
                "een-geheim-van-de-meldkamer".getBytes(StandardCharsets.UTF_8)));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(raw.sign("a", 1, body), encoded.sign("a", 1, body));
    }

    @Test
    void theReceiverGetsTheDocumentWithTheAlarmsIdAsWebhookId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("een-geheim-van-de-meldkamer")) {
            WebhookConnector connector = new WebhookConnector("police", "Politie", URI.create(receiver.url()),
                    "een-geheim-van-de-meldkamer", Duration.ofSeconds(2), Clock.systemUTC());
            UUID id = UUID.randomUUID();
            Alarm alarm = new Alarm(id, 7, "centrum-1", "fight", Priority.HIGH, Instant.parse(
                    "2026-12-01T20:15:03Z"), "Vechtpartij", Map.of(Alarm.SOURCE, "heerlen"));
            assertEquals(Outcome.DELIVERED, connector.deliver(alarm).outcome());
            WebhookReceiver.Received received = receiver.requests().get(0);
            assertTrue(received.valid());
            assertEquals(id.toString(), received.id());
            JsonNode body = new ObjectMapper().readTree(received.body());
            assertEquals(id.toString(), body.get("id").asText());
            assertEquals("fight", body.get("type").asText());
            assertEquals(1, body.get("level").asInt());
            long sent = Long.parseLong(received.timestamp());
            assertTrue(Math.abs(sent - Instant.now().getEpochSecond()) < 5, "the timestamp is now, in seconds");
        }
    }

    @Test
    void statusesMapToOutcomes() {
        assertEquals(Outcome.DELIVERED, WebhookConnector.outcome(200, "").outcome());
        assertEquals(Outcome.DELIVERED, WebhookConnector.outcome(204, "").outcome());
        assertEquals(Outcome.RETRY, WebhookConnector.outcome(408, "").outcome());
        assertEquals(Outcome.RETRY, WebhookConnector.outcome(429, "").outcome());
        assertEquals(Outcome.RETRY, WebhookConnector.outcome(500, "").outcome());
        assertEquals(Outcome.RETRY, WebhookConnector.outcome(503, "").outcome());
        assertEquals(Outcome.REJECTED, WebhookConnector.outcome(400, "bad").outcome());
        assertEquals(Outcome.REJECTED, WebhookConnector.outcome(401, "").outcome());
        assertEquals(Outcome.REJECTED, WebhookConnector.outcome(404, "").outcome());
        assertEquals(Outcome.REJECTED, WebhookConnector.outcome(301, "").outcome(), "a redirect is not followed");
        assertEquals("HTTP 400: bad", WebhookConnector.outcome(400, "bad").detail());
    }

    @Test
    void theKindSaysWhatIsWrongBeforeAnythingIsStored() {
        WebhookKind kind = new WebhookKind();
        Map<String, Object> good = new HashMap<>(Map.of("url", "https://meldkamer.example/alarms", "secret",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals(List.of(), kind.validate(good));
        assertEquals(List.of(), kind.validate(Map.of("url", "http://127.0.0.1:9/x", "secret", "0123456789abcdef")));
        Map<String, Object> plain = new HashMap<>(good);
        plain.put("url", "http://meldkamer.example/alarms");
        assertTrue(kind.validate(plain).get(0).contains("HTTPS"), kind.validate(plain).toString());
        plain.put("allowPlainHttp", "true");
        assertEquals(List.of(), kind.validate(plain));
        assertTrue(kind.validate(Map.of("url", "ftp://x/", "secret", "")).size() == 2);
        assertEquals(List.of(), kind.validate(Map.of("url", "http://127.0.0.1:9/x", "secret", "short")),
                "a short secret is the control room's choice: warned about, not refused");
        assertTrue(kind.validate(Map.of("url", "https://u:p@x/", "secret", "whsec_!!")).size() == 2);
        assertTrue(kind.validate(Map.of("url", "https://x/", "secret", "0123456789abcdef", "timeoutSeconds", "0"))
                .get(0).startsWith("config.timeoutSeconds"));
    }
}
