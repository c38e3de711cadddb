package nl.uitkijk.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import nl.uitkijk.testkit.Dc09Receiver;
import nl.uitkijk.testkit.Mosquitto;
import nl.uitkijk.testkit.WebhookReceiver;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Alarm delivery benchmark (issue 14), run by {@code distribution/scripts/benchmark-connectors.sh}: alarms raised
 * over REST at 10 and 100 per second, time from the alarm being stored (its {@code raised} time) to its arrival at
 * each receiver (webhook endpoint, MQTT subscriber through Mosquitto, DC-09 receiver), p50/p99; then 1,000 alarms at
 * 100 per second with {@code kill -9} after the 500th: how many of the confirmed ones each receiver got, and how
 * many it got more than once. Everything on loopback; one Karaf, one run.
 */
public final class ConnectorBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Benchmark-Connectors-2026";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final KarafInstance karaf;
    private final Map<UUID, Instant> raised = new ConcurrentHashMap<>();
    private final List<UUID> mqtt = new CopyOnWriteArrayList<>();
    private final Map<UUID, Instant> mqttAt = new ConcurrentHashMap<>();
    private WebhookReceiver webhook;
    private Dc09Receiver dc09;

    private ConnectorBenchmark(Path home) throws Exception {
        karaf = new KarafInstance(home);
    }

    public static void main(String[] args) throws Exception {
        new ConnectorBenchmark(Path.of(args[0])).run();
    }

    private void run() throws Exception {
        try (Mosquitto broker = Mosquitto.start()) {
            MqttClient subscriber = new MqttClient(broker.uri(), "benchmark", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            subscriber.connect(options);
            subscriber.subscribe("bench/alarm/#", 1, (topic, message) -> {
                UUID id = UUID.fromString(JSON.readTree(message.getPayload()).get("id").asText());
                mqttAt.putIfAbsent(id, Instant.now());
                mqtt.add(id);
            });
            webhook = new WebhookReceiver(SECRET);
            dc09 = new Dc09Receiver().account("4711", null);
            karaf.reset();
            Files.writeString(karaf.home.resolve("etc/nl.uitkijk.outbox.cfg"), "retryCapSeconds = 1\n");
            try {
                karaf.start(PASSWORD);
                check(karaf.shell("feature:install uitkijk-connector-webhook uitkijk-connector-mqtt "
                        + "uitkijk-connector-dc09").exitCode() == 0, "features");
                KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/connectors/kinds", true).body()
                        .contains("\"dc09\""), "kinds");
                post("/api/v1/connectors", "{\"id\":\"police\",\"kind\":\"webhook\",\"config\":{\"url\":\""
                        + webhook.directUrl() + "\",\"secret\":\"" + SECRET + "\"}}");
                post("/api/v1/connectors", "{\"id\":\"toezicht\",\"kind\":\"mqtt\",\"config\":{\"broker\":\""
                        + broker.uri() + "\",\"topicPrefix\":\"bench\"}}");
                post("/api/v1/connectors", "{\"id\":\"arc\",\"kind\":\"dc09\",\"config\":{\"host\":\"127.0.0.1\","
                        + "\"port\":" + dc09.port() + ",\"protocol\":\"tcp\",\"account\":\"4711\"}}");
                KarafInstance.await(Duration.ofSeconds(30), () -> karaf.get("/api/v1/connectors", true).body()
                        .split("\"installed\":true", -1).length == 4, "instances");
                raiseAt(20, 10, "warm-up");
                Thread.sleep(2_000);
                System.out.println("Alarm raised (stored) → arrived at the receiver, loopback:");
                latency(10, 300);
                latency(100, 1_000);
                killNine();
            } finally {
                karaf.stop();
                Files.deleteIfExists(karaf.home.resolve("etc/nl.uitkijk.outbox.cfg"));
                subscriber.disconnect();
                subscriber.close();
                webhook.close();
                dc09.close();
            }
        }
    }

    private void post(String path, String json) {
        HttpResponse<String> response = karaf.post(path, json);
        check(response.statusCode() == 201, path + ": " + response.body());
    }

    /** Raises {@code count} alarms at {@code rate} per second; @return the ids confirmed with a 201 */
    private List<UUID> raiseAt(int rate, int count, String label) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sent.add(karaf.client().sendAsync(HttpRequest.newBuilder(URI.create(karaf.base() + "/api/v1/alarms"))
                    .header("Content-Type", "application/json").header("Authorization", "Basic "
                            + java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes()))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"cameraId\":\"demo-promenade\",\"type\":\"manual\","
                            + "\"priority\":\"HIGH\",\"description\":\"" + label + " " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<UUID> confirmed = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> future : sent) {
            try {
                HttpResponse<String> response = future.join();
                if (response.statusCode() == 201) {
                    JsonNode alarm = JSON.readTree(response.body());
                    UUID id = UUID.fromString(alarm.get("id").asText());
                    raised.put(id, Instant.parse(alarm.get("raised").asText()));
                    confirmed.add(id);
                }
            } catch (RuntimeException e) {
                // a request the kill cut off: not confirmed
            }
        }
        return confirmed;
    }

    private void latency(int rate, int count) throws Exception {
        List<UUID> ids = raiseAt(rate, count, rate + "/s");
        awaitAll(ids, Duration.ofSeconds(60));
        Map<UUID, Instant> webhookAt = first(webhook.requests(), r -> UUID.fromString(r.id()),
                WebhookReceiver.Received::at);
        Map<UUID, Instant> dc09At = first(dc09.messages(), Dc09Receiver.Message::alarmId, Dc09Receiver.Message::at);
        System.out.printf("  %3d/s, %d alarms: webhook %s | MQTT %s | DC-09 %s%n", rate, ids.size(),
                percentiles(ids, webhookAt), percentiles(ids, mqttAt), percentiles(ids, dc09At));
    }

    private void killNine() throws Exception {
        List<UUID> before = raiseAt(100, 500, "kill-before");
        karaf.kill();
        karaf.start(PASSWORD);
        List<UUID> after = raiseAt(100, 500, "kill-after");
        List<UUID> confirmed = new ArrayList<>(before);
        confirmed.addAll(after);
        awaitAll(confirmed, Duration.ofMinutes(3));
        System.out.printf("1,000 alarms at 100/s, kill -9 after the 500th (%d confirmed with 201):%n",
                confirmed.size());
        report("webhook", confirmed, webhook.requests().stream().map(r -> UUID.fromString(r.id())).toList());
        report("MQTT", confirmed, mqtt);
        report("DC-09", confirmed, dc09.messages().stream().filter(m -> m.answer().equals("ACK"))
                .map(Dc09Receiver.Message::alarmId).toList());
    }

    private static void report(String name, List<UUID> confirmed, Collection<UUID> received) {
        Map<UUID, Integer> counts = new HashMap<>();
        received.forEach(id -> counts.merge(id, 1, Integer::sum));
        long lost = confirmed.stream().filter(id -> !counts.containsKey(id)).count();
        long duplicated = confirmed.stream().filter(id -> counts.getOrDefault(id, 0) > 1).count();
        System.out.printf("  %-8s delivered %d, lost %d, delivered more than once %d%n", name,
                confirmed.size() - lost, lost, duplicated);
    }

    private void awaitAll(List<UUID> ids, Duration timeout) throws InterruptedException {
        KarafInstance.await(timeout, () -> {
            java.util.Set<UUID> hooks = new java.util.HashSet<>(webhook.received());
            java.util.Set<UUID> arc = new java.util.HashSet<>(dc09.received());
            return ids.stream().allMatch(id -> hooks.contains(id) && mqttAt.containsKey(id) && arc.contains(id));
        }, "not every alarm arrived everywhere");
    }

    private static <T> Map<UUID, Instant> first(List<T> items, Function<T, UUID> id, Function<T, Instant> at) {
        Map<UUID, Instant> times = new HashMap<>();
        for (T item : items) {
            UUID key = id.apply(item);
            if (key != null) {
                times.putIfAbsent(key, at.apply(item));
            }
        }
        return times;
    }

    private String percentiles(List<UUID> ids, Map<UUID, Instant> at) {
        List<Double> millis = new ArrayList<>();
        for (UUID id : ids) {
            if (at.containsKey(id)) {
                millis.add(Duration.between(raised.get(id), at.get(id)).toNanos() / 1e6);
            }
        }
        millis.sort(Double::compare);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", millis.get(millis.size() / 2),
                millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1)),
                millis.get(millis.size() - 1));
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up failed: " + what);
        }
    }
}
