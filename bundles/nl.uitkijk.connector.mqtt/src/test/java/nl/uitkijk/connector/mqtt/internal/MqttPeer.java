package nl.uitkijk.connector.mqtt.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.testkit.ConnectorPeer;
import nl.uitkijk.testkit.FaultyProxy;
import nl.uitkijk.testkit.Mosquitto;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A control room on MQTT: a real Mosquitto, a subscriber connected to it directly (as the control room's system
 * would be), and a faulty proxy in front of the broker for the connector under test.
 */
final class MqttPeer implements ConnectorPeer {

    final Mosquitto broker;
    final FaultyProxy proxy;
    final MqttClient subscriber;
    final List<UUID> received = new CopyOnWriteArrayList<>();
    final List<String> topics = new CopyOnWriteArrayList<>();
    final Map<String, String> retained = new java.util.concurrent.ConcurrentHashMap<>();

    MqttPeer(String prefix) throws Exception {
        broker = Mosquitto.start();
        proxy = new FaultyProxy(broker.port());
        subscriber = new MqttClient(broker.uri(), "meldkamer-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        subscriber.connect(options);
        ObjectMapper json = new ObjectMapper();
        subscriber.subscribe(prefix + "/#", 1, (topic, message) -> {
            String text = new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8);
            if (topic.endsWith("/status")) {
                retained.put(topic, text);
                return;
            }
            topics.add(topic);
            received.add(UUID.fromString(json.readTree(message.getPayload()).get("id").asText()));
        });
    }

    String uri() {
        return "tcp://127.0.0.1:" + proxy.port();
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return proxy.port();
    }

    @Override
    public void behave(Behaviour behaviour) throws Exception {
        // MQTT has no refusal of one message; a passing failure is a broker that cannot be reached
        proxy.mode(behaviour == Behaviour.FAIL ? FaultyProxy.Mode.DOWN : FaultyProxy.Mode.of(behaviour));
    }

    @Override
    public boolean canRefuse() {
        return false;
    }

    /** What the subscriber got; waits briefly, since the broker passes a message on after its PUBACK. */
    @Override
    public List<UUID> received() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int seen = received.size();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (received.size() == seen && seen > 0) {
                break;
            }
            seen = received.size();
        }
        return List.copyOf(received);
    }

    @Override
    public void close() throws Exception {
        subscriber.disconnect();
        subscriber.close();
        proxy.close();
        broker.close();
    }
}
