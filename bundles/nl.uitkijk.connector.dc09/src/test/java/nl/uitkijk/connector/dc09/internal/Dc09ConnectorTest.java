package nl.uitkijk.connector.dc09.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.testkit.Dc09Receiver;
import org.junit.jupiter.api.Test;

class Dc09ConnectorTest {

    private static Alarm alarm(long number, String type) {
        return new Alarm(UUID.randomUUID(), number, "centrum-1", type, Priority.HIGH, Instant.now(),
                "Vechtpartij bij de Pancratiuskerk", Map.of(Alarm.CAMERA_NAME, "Pancratiusplein", Alarm.SITE,
                        "Centrum", Alarm.HANDOVER_URL, "https://vms.heerlen.nl/share/Zx81kq", Alarm.HANDOVER_UNTIL,
                        "2026-12-01T22:00:00Z"));
    }

    @Test
    void everyKeyLengthOverUdpAndTcpWithTheHandOverLinkInTheVBlock() throws Exception {
        for (String key : List.of("000102030405060708090A0B0C0D0E0F", "000102030405060708090A0B0C0D0E0F1011121314151617",
                "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "")) {
            for (String protocol : List.of("udp", "tcp")) {
                try (Dc09Receiver receiver = new Dc09Receiver().account("4711", key.isEmpty() ? null : key)) {
                    int port = protocol.equals("udp") ? receiver.udpPort() : receiver.port();
                    Dc09Connector connector = new Dc09Connector("ocm", "OCM", "127.0.0.1", port, protocol, "4711", "",
                            "0", key, "SIA-DCS", Duration.ofSeconds(2), Clock.systemUTC());
                    Alarm alarm = alarm(10_005, "fight");
                    DeliveryResult result = connector.deliver(alarm);
                    assertEquals(Outcome.DELIVERED, result.outcome(), protocol + " key " + key.length() * 4 + ": "
                            + result.detail());
                    Dc09Receiver.Message message = receiver.messages().get(0);
                    assertEquals(protocol, message.protocol());
                    assertEquals(!key.isEmpty(), message.encrypted());
                    assertEquals(6, message.sequence(), "sequence from the alarm's number: (10005 - 1) % 9999 + 1");
                    assertEquals(alarm.id(), message.alarmId());
                    assertEquals("|Nri01/PA000", message.data());
                    assertEquals("https://vms.heerlen.nl/share/Zx81kq", message.extended().get("V"));
                    assertEquals("Pancratiusplein", message.extended().get("L"));
                    assertEquals("Centrum", message.extended().get("S"));
                }
            }
        }
    }

    @Test
    void aNakCorrectsTheClockAndTheSameMessageGoesAgain() throws Exception {
        try (Dc09Receiver receiver = new Dc09Receiver().account("ABC123", null)) {
            receiver.skew(Duration.ofMinutes(7));
            Dc09Connector connector = new Dc09Connector("ocm", "OCM", "127.0.0.1", receiver.port(), "tcp", "ABC123",
                    "", "0", "", "ADM-CID", Duration.ofSeconds(2), Clock.systemUTC());
            Alarm alarm = alarm(77, "tamper");
            DeliveryResult result = connector.deliver(alarm);
            assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
            List<Dc09Receiver.Message> messages = receiver.messages();
            assertEquals(List.of("NAK", "ACK"), messages.stream().map(Dc09Receiver.Message::answer).toList());
            assertEquals(messages.get(0).sequence(), messages.get(1).sequence(), "a resend keeps its sequence number");
            assertTrue(Duration.between(Instant.now().plus(Duration.ofMinutes(7)), messages.get(1).timestamp()).abs()
                    .toSeconds() < 5, "sent in the receiver's time");
            assertEquals("|1137 01 000", messages.get(1).data(), "Contact ID: new tamper event");
            // and it stays corrected: the next goes through at once
            assertEquals(Outcome.DELIVERED, connector.deliver(alarm(78, "camera-offline")).outcome());
            assertEquals("ACK", receiver.messages().get(2).answer());
        }
    }

    @Test
    void anUnknownAccountIsRefusedForGood() throws Exception {
        try (Dc09Receiver receiver = new Dc09Receiver().account("4711", null)) {
            Dc09Connector connector = new Dc09Connector("ocm", "OCM", "127.0.0.1", receiver.port(), "tcp", "9999",
                    "", "0", "", "SIA-DCS", Duration.ofSeconds(2), Clock.systemUTC());
            DeliveryResult result = connector.deliver(alarm(1, "motion"));
            assertEquals(Outcome.REJECTED, result.outcome());
            assertTrue(result.detail().startsWith("DUH"), result.detail());
        }
    }

    @Test
    void theKindWantsEncryptionToAnotherHost() {
        Dc09Kind kind = new Dc09Kind();
        assertEquals(List.of(), kind.validate(Map.of("host", "127.0.0.1", "port", 7000, "account", "4711")));
        assertEquals(List.of(), kind.validate(Map.of("host", "arc.example", "port", "7000", "account", "4711", "key",
                "000102030405060708090A0B0C0D0E0F", "protocol", "udp", "format", "ADM-CID", "receiver", "12")));
        assertTrue(kind.validate(Map.of("host", "arc.example", "port", "7000", "account", "4711")).get(0)
                .startsWith("config.key"));
        assertEquals(6, kind.validate(Map.of("host", "127.0.0.1", "port", "x", "account", "XYZ", "protocol", "sctp",
                "receiver", "GGGGGGG", "key", "123", "format", "CID")).size());
    }
}
