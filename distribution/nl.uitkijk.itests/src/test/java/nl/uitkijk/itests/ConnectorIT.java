package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.testkit.ConnectorPeer.Behaviour;
import nl.uitkijk.testkit.Dc09Receiver;
import nl.uitkijk.testkit.FaultyProxy;
import nl.uitkijk.testkit.Mosquitto;
import nl.uitkijk.testkit.WebhookReceiver;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three connectors in Karaf against real receivers: a Mosquitto broker with a subscriber, a webhook endpoint
 * that checks every signature and a DC-09 receiver (AES-128) that checks every CRC. Alarms raised while all three
 * are down, then a {@code kill -9}: after the restart every alarm reaches every receiver (at least once, by id);
 * a webhook that answers 400 is not retried; a connector uninstalled and installed again goes on where it stopped.
 * The DC-09 instance is a file in {@code etc/}, the others come over REST.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorIT {

    private static final String PASSWORD = "It-Connectors-2026";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String DC09_KEY = "2B7E151628AED2A6ABF7158809CF4F3C";
    private static final int ALARMS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private KarafInstance karaf;
    private Mosquitto broker;
    private FaultyProxy brokerLink;
    private MqttClient subscriber;
    private final List<UUID> published = new CopyOnWriteArrayList<>();
    private WebhookReceiver webhook;
    private WebhookReceiver refusing;
    private Dc09Receiver dc09;

    @BeforeAll
    void start() throws Exception {
        broker = Mosquitto.start();
        brokerLink = new FaultyProxy(broker.port());
        subscriber = new MqttClient(broker.uri(), "meldkamer-it", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        subscriber.connect(options);
        subscriber.subscribe("heerlen/alarm/#", 1, (topic, message) -> published.add(UUID.fromString(
                JSON.readTree(message.getPayload()).get("id").asText())));
        webhook = new WebhookReceiver(SECRET);
        refusing = new WebhookReceiver(SECRET);
        refusing.behave(Behaviour.REFUSE);
        dc09 = new Dc09Receiver().account("4711", DC09_KEY);

        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        // short back-off, so the test need not wait out a minute's retry after the receivers come back
        Files.writeString(karaf.home.resolve("etc/nl.uitkijk.outbox.cfg"), "retryCapSeconds = 2\nsource = heerlen\n");
        Files.writeString(karaf.home.resolve("etc/nl.uitkijk.connector.dc09-arc.cfg"), String.join("\n",
                "uitkijk.connector.id = arc", "uitkijk.connector.kind = dc09",
                "uitkijk.connector.label = Meldkamer OC Maastricht", "host = 127.0.0.1", "port = " + dc09.port(),
                "protocol = tcp", "account = 4711", "receiver = 1", "prefix = 2", "key = " + DC09_KEY,
                "timeoutSeconds = 2", ""));
        karaf.start(PASSWORD);
        assertEquals(0, karaf.shell("feature:install uitkijk-connector-webhook uitkijk-connector-mqtt "
                + "uitkijk-connector-dc09").exitCode());
        KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/connectors/kinds", true).body()
                .contains("\"dc09\""), "the connector kinds did not appear");
        created(karaf.post("/api/v1/connectors", """
                {"id": "police", "kind": "webhook", "label": "Politie meldkamer Limburg",
                 "config": {"url": "%s", "secret": "%s", "timeoutSeconds": 2}}""".formatted(webhook.url(), SECRET)));
        created(karaf.post("/api/v1/connectors", """
                {"id": "toezicht", "kind": "mqtt", "label": "Toezicht en handhaving",
                 "config": {"broker": "tcp://127.0.0.1:%d", "topicPrefix": "heerlen", "timeoutSeconds": 2}}"""
                .formatted(brokerLink.port())));
        created(karaf.post("/api/v1/connectors", """
                {"id": "refuser", "kind": "webhook", "config": {"url": "%s", "secret": "%s"},
                 "routing": {"types": ["fight"]}}""".formatted(refusing.url(), SECRET)));
    }

    private static void created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.stop();
            Files.deleteIfExists(karaf.home.resolve("etc/nl.uitkijk.outbox.cfg"));
            Files.deleteIfExists(karaf.home.resolve("etc/nl.uitkijk.connector.dc09-arc.cfg"));
        }
        if (subscriber != null) {
            subscriber.disconnect();
            subscriber.close();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {brokerLink, broker, webhook, refusing, dc09}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private JsonNode alarm(String id) throws Exception {
        HttpResponse<String> response = karaf.get("/api/v1/alarms/" + id, true);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private String raise(String type, int i) throws Exception {
        HttpResponse<String> raised = karaf.post("/api/v1/alarms", """
                {"cameraId": "demo-pancratiusplein", "type": "%s", "priority": "HIGH", "description": "Melding %d"}"""
                .formatted(type, i));
        assertEquals(201, raised.statusCode(), raised.body());
        return JSON.readTree(raised.body()).get("id").asText();
    }

    private boolean allDelivered(List<String> ids, String connector) {
        try {
            for (String id : ids) {
                for (JsonNode delivery : alarm(id).get("deliveries")) {
                    if (delivery.get("connectorId").asText().equals(connector)
                            && !delivery.get("state").asText().equals("DELIVERED")) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void alarmsRaisedWhileEveryReceiverIsDownSurviveAKillAndAllArrive() throws Exception {
        KarafInstance.await(Duration.ofSeconds(30), () -> karaf.get("/api/v1/connectors/arc", true).body()
                .contains("\"installed\":true"), "the instance from etc/ did not start");
        webhook.behave(Behaviour.DOWN);
        brokerLink.mode(FaultyProxy.Mode.DOWN);
        dc09.behave(Behaviour.DOWN);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ALARMS; i++) {
            ids.add(raise(i % 10 == 0 ? "fight" : "manual", i));
        }
        JsonNode first = alarm(ids.get(0));
        Set<String> connectors = new HashSet<>();
        first.get("deliveries").forEach(d -> connectors.add(d.get("connectorId").asText()));
        assertEquals(Set.of("police", "toezicht", "arc", "refuser"), connectors, "every instance, by its routing");
        assertEquals(3, alarm(ids.get(1)).get("deliveries").size(), "the refuser takes only fights");

        karaf.kill();
        webhook.behave(Behaviour.ACCEPT);
        brokerLink.mode(FaultyProxy.Mode.FORWARD);
        dc09.behave(Behaviour.ACCEPT);
        karaf.start(PASSWORD);
        for (String connector : List.of("police", "toezicht", "arc")) {
            KarafInstance.await(Duration.ofSeconds(90), () -> allDelivered(ids, connector), connector
                    + ": not every alarm delivered after the restart");
        }
        Set<UUID> expected = ids.stream().map(UUID::fromString).collect(java.util.stream.Collectors.toSet());
        assertTrue(new HashSet<>(webhook.received()).containsAll(expected), "webhook: every id");
        assertTrue(webhook.requests().stream().allMatch(WebhookReceiver.Received::valid),
                "webhook: every signature valid");
        KarafInstance.await(Duration.ofSeconds(10), () -> new HashSet<>(published).containsAll(expected),
                "MQTT: every id reaches the subscriber");
        assertTrue(new HashSet<>(dc09.received()).containsAll(expected), "DC-09: every id");
        assertTrue(dc09.messages().stream().allMatch(m -> m.encrypted() && m.account().equals("4711")
                && "Meldkamer OC Maastricht".length() > 0), "DC-09: encrypted, the account from etc/");

        // the 400 of the refusing receiver: refused for good, tried once, and an operator alarm says so
        List<String> fights = List.of(ids.get(0), ids.get(10), ids.get(20));
        KarafInstance.await(Duration.ofSeconds(30), () -> {
            try {
                for (String id : fights) {
                    JsonNode refused = delivery(alarm(id), "refuser");
                    if (!refused.get("state").asText().equals("REJECTED")) {
                        return false;
                    }
                }
                return true;
            } catch (Exception e) {
                return false;
            }
        }, "the refusing receiver's deliveries were not rejected");
        for (String id : fights) {
            assertEquals(1, delivery(alarm(id), "refuser").get("attempts").asInt(), "a 4xx is not retried");
        }
        for (String id : fights) {
            assertEquals(1, refusing.requests().stream().filter(r -> r.id().equals(id)).count(),
                    "the refusing receiver saw each fight once");
        }
        JsonNode queue = JSON.readTree(karaf.get("/api/v1/alarms?limit=500", true).body());
        for (String id : fights) {
            String number = alarm(id).get("number").asText();
            boolean told = false;
            for (JsonNode alarm : queue) {
                told |= alarm.get("type").asText().equals("delivery-rejected") && alarm.get("summary").asText()
                        .contains("refused alarm " + number + " ");
            }
            assertTrue(told, "an operator alarm for the refusal of alarm " + number);
        }
    }

    private static JsonNode delivery(JsonNode alarm, String connector) {
        for (JsonNode delivery : alarm.get("deliveries")) {
            if (delivery.get("connectorId").asText().equals(connector)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery to " + connector + " in " + alarm);
    }

    @Test
    void anUninstalledConnectorKeepsItsAlarmsAndDeliversThemWhenItIsBack() throws Exception {
        assertEquals(0, karaf.shell("feature:uninstall uitkijk-connector-webhook").exitCode());
        KarafInstance.await(Duration.ofSeconds(30), () -> karaf.get("/api/v1/connectors/police", true).body()
                .contains("\"installed\":false"), "the webhook connector did not go");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(raise("manual", 100 + i));
        }
        Thread.sleep(1_000);
        for (String id : ids) {
            assertEquals("PENDING", delivery(alarm(id), "police").get("state").asText(), "waits in the outbox");
        }
        JsonNode police = JSON.readTree(karaf.get("/api/v1/connectors/police", true).body());
        assertTrue(police.get("backlog").asLong() >= 5, police.toString());
        String metrics = karaf.get("/api/v1/metrics", true).body();
        assertTrue(metrics.contains("uitkijk_connector_installed{connector=\"police\"} 0")
                && metrics.matches("(?s).*uitkijk_connector_backlog\\{connector=\"police\"\\} [1-9].*"), metrics);
        String listed = karaf.shell("vms:connector-list").output();
        assertTrue(listed.contains("police") && listed.contains("kind not installed"), listed);
        String raisedInShell = karaf.shell("vms:alarm-raise --camera demo-promenade --type fire "
                + "\"Rook bij de Promenade\"").output();
        assertTrue(raisedInShell.contains("raised"), raisedInShell);
        ids.add(raisedInShell.replaceAll("(?s).*raised: ([0-9a-f-]{36}).*", "$1"));
        assertEquals(0, karaf.shell("feature:install uitkijk-connector-webhook").exitCode());
        KarafInstance.await(Duration.ofSeconds(60), () -> allDelivered(ids, "police"),
                "the reinstalled webhook connector did not deliver what waited");
        Map<UUID, Integer> seen = new ConcurrentHashMap<>();
        webhook.received().forEach(id -> seen.merge(id, 1, Integer::sum));
        for (String id : ids) {
            assertTrue(seen.containsKey(UUID.fromString(id)), "delivered: " + id);
        }
        assertTrue(new String(karaf.get("/api/v1/connectors", true).body().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8).contains("\"secret\":\"********\""), "the secret is never shown");
        // an operator sees each control room's state, never its configuration or routing
        assertEquals(201, karaf.post("/api/v1/users", """
                {"name": "olga", "password": "Operator-Olga-2026", "role": "operator"}""").statusCode());
        JsonNode visible = JSON.readTree(karaf.getAs("/api/v1/connectors", "olga", "Operator-Olga-2026").body());
        assertTrue(visible.size() >= 3, visible.toString());
        for (JsonNode instance : visible) {
            assertTrue(instance.get("config").isNull() && instance.get("routing").isNull()
                    && instance.has("backlog"), instance.toString());
        }
        assertEquals(403, karaf.getAs("/api/v1/connectors/kinds", "olga", "Operator-Olga-2026").statusCode());
        String stored = karaf.shell("config:list \"(uitkijk.connector.id=police)\"").output();
        assertTrue(stored.contains("secret = {AES-GCM}") && !stored.contains(SECRET.substring(6)),
                "the secret is stored sealed in ConfigAdmin: " + stored);
    }

    /** Counts what a live socket sends and says how it closed. */
    private static final class LiveSocket implements java.net.http.WebSocket.Listener {
        final java.util.concurrent.atomic.AtomicInteger binaries = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();

        @Override
        public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket socket,
                java.nio.ByteBuffer data, boolean last) {
            binaries.incrementAndGet();
            socket.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data,
                boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int code,
                String reason) {
            closed.complete(code + " " + reason);
            return null;
        }

        @Override
        public void onError(java.net.http.WebSocket socket, Throwable error) {
            closed.complete("error " + error);
        }
    }

    private HttpResponse<String> anonymous(String path, String json) throws Exception {
        return karaf.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(karaf.base() + path))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEscalationHandsTheCameraOverWithALinkThatPlaysUntilItIsRevoked() throws Exception {
        webhook.behave(Behaviour.ACCEPT);
        JsonNode escalated = null;
        String camera = null;
        for (String candidate : List.of("demo-pancratiusplein", "demo-promenade", "demo-heerlerheide",
                "demo-hoensbroek")) {
            HttpResponse<String> raised = karaf.post("/api/v1/alarms", """
                    {"cameraId": "%s", "type": "fight", "priority": "HIGH", "description": "Vechtpartij"}"""
                    .formatted(candidate));
            String id = JSON.readTree(raised.body()).get("id").asText();
            HttpResponse<String> response = karaf.post("/api/v1/alarms/" + id + "/escalate", """
                    {"connectorId": "police", "reason": "Vechtpartij, politie gevraagd mee te kijken", "minutes": 30}""");
            if (response.statusCode() == 201) {
                escalated = JSON.readTree(response.body());
                camera = candidate;
                break;
            }
            assertTrue(response.body().contains("may not be watched live now"), response.body());
        }
        assertTrue(escalated != null, "some demo camera may be watched live now");
        String alarmId = escalated.at("/alarm/id").asText();
        String link = escalated.at("/handover/link").asText();
        String handoverId = escalated.at("/handover/id").asText();
        assertTrue(link.matches("https://.+/console/share\\.html#[A-Za-z0-9_-]{43}"), link);
        assertEquals(List.of("police"), List.of(escalated.at("/alarm/deliveries/0/connectorId").asText()),
                "the escalation goes to the chosen control room only");

        KarafInstance.await(Duration.ofSeconds(30), () -> webhook.requests().stream().anyMatch(r -> r.id().equals(
                alarmId)), "the escalation did not reach the police's webhook");
        JsonNode body = JSON.readTree(webhook.requests().stream().filter(r -> r.id().equals(alarmId)).findFirst()
                .orElseThrow().body());
        assertEquals(link, body.at("/handover/url").asText(), "the delivery carries the live link");
        assertEquals("escalation", body.get("type").asText());

        String token = link.substring(link.indexOf('#') + 1);
        HttpResponse<String> view = anonymous("/api/v1/share/view", "{\"token\": \"" + token + "\"}");
        assertEquals(200, view.statusCode(), view.body());
        assertEquals(camera, JSON.readTree(view.body()).at("/cameras/0/id").asText());
        assertEquals(403, anonymous("/api/v1/share/tickets", "{\"token\": \"" + token
                + "\", \"camera\": \"not-handed-over\"}").statusCode(), "only the handed-over cameras");
        assertEquals(404, anonymous("/api/v1/share/view", "{\"token\": \"" + "A".repeat(43) + "\"}").statusCode());
        HttpResponse<String> ticket = anonymous("/api/v1/share/tickets", "{\"token\": \"" + token
                + "\", \"camera\": \"" + camera + "\"}");
        assertEquals(200, ticket.statusCode(), ticket.body());
        LiveSocket socket = new LiveSocket();
        karaf.client().newWebSocketBuilder().buildAsync(java.net.URI.create(karaf.socketBase() + JSON.readTree(
                ticket.body()).get("socket").asText()), socket).get(10, java.util.concurrent.TimeUnit.SECONDS);
        KarafInstance.await(Duration.ofSeconds(20), () -> socket.binaries.get() > 3,
                "the link's live picture did not play");

        assertEquals(204, karaf.delete("/api/v1/handovers/" + handoverId).statusCode());
        String closed = socket.closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(closed.contains("revoked"), closed);
        assertEquals(404, anonymous("/api/v1/share/view", "{\"token\": \"" + token + "\"}").statusCode(),
                "a revoked link does not play");
        String audit = karaf.get("/api/v1/audit?limit=100", true).body();
        assertTrue(audit.contains("handover.create") && audit.contains("handover.view")
                && audit.contains("handover.revoke"), "made, watched and revoked are in the audit trail");
        assertTrue(audit.contains("handover:" + handoverId), "each view under the hand-over's name, with its address");
    }
}
