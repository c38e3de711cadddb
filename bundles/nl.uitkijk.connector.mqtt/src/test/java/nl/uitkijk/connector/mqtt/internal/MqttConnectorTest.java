package nl.uitkijk.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import org.junit.jupiter.api.Test;

class MqttConnectorTest {

    @Test
    void publishesPerTypeAndKeepsTheAvailabilityTopicTrue() throws Exception {
        try (MqttPeer peer = new MqttPeer("heerlen/vms")) {
            MqttConnector connector = new MqttConnector("ocm", "OC Maastricht", peer.uri(), "heerlen/vms", "", "",
                    "", Duration.ofSeconds(2));
            connector.connectSoon();
            awaitStatus(peer, "online");
            UUID id = UUID.randomUUID();
            assertEquals(Outcome.DELIVERED, connector.deliver(new Alarm(id, 1, "hoensbroek-2", "camera-offline",
                    Priority.HIGH, Instant.now(), "camera offline", Map.of())).outcome());
            assertEquals(List.of(id), peer.received());
            assertEquals(List.of("heerlen/vms/alarm/camera-offline"), peer.topics);

            // the link breaks without a goodbye: the broker publishes the will
            peer.behave(nl.uitkijk.testkit.ConnectorPeer.Behaviour.DOWN);
            awaitStatus(peer, "offline");
            peer.behave(nl.uitkijk.testkit.ConnectorPeer.Behaviour.ACCEPT);
            Alarm next = new Alarm(UUID.randomUUID(), 2, null, "Storage Low!", Priority.LOW, Instant.now(), "x",
                    Map.of());
            Outcome outcome = connector.deliver(next).outcome();
            if (outcome != Outcome.DELIVERED) {
                outcome = connector.deliver(next).outcome();
            }
            assertEquals(Outcome.DELIVERED, outcome);
            awaitStatus(peer, "online");
            assertTrue(peer.received().contains(next.id()), "the subscriber got it");
            assertTrue(peer.topics.contains("heerlen/vms/alarm/storage_low_"), peer.topics.toString());

            connector.stop();
            awaitStatus(peer, "offline");
        }
    }

    @Test
    void theKindRefusesPlainTcpToAnotherHostAndWildcards() {
        MqttKind kind = new MqttKind();
        assertEquals(List.of(), kind.validate(Map.of("broker", "tcp://127.0.0.1:1883", "topicPrefix", "heerlen")));
        assertEquals(List.of(), kind.validate(Map.of("broker", "ssl://broker.example:8883", "username", "vms",
                "password", "x")));
        assertTrue(kind.validate(Map.of("broker", "tcp://broker.example:1883")).get(0).contains("TLS"));
        assertEquals(List.of(), kind.validate(Map.of("broker", "tcp://broker.example:1883", "allowPlainTcp",
                "true")));
        assertEquals(2, kind.validate(Map.of("broker", "http://x", "topicPrefix", "a/#")).size());
        assertTrue(kind.validate(Map.of("broker", "tcp://127.0.0.1:1", "password", "p")).get(0)
                .startsWith("config.username"));
    }

    private static void awaitStatus(MqttPeer peer, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(peer.retained.get("heerlen/vms/status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("status not " + expected + ": " + peer.retained);
            }
            Thread.sleep(50);
        }
    }
}
