package nl.uitkijk.connector.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.api.security.Secrets;
import nl.uitkijk.connector.base.AlarmDocument;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control room's MQTT broker: each alarm is published with QoS 1 to {@code <prefix>/alarm/<type>} as its JSON
 * document ({@link AlarmDocument}, carrying {@code id}); the broker's PUBACK delivers it. {@code <prefix>/status} is
 * retained {@code online} while connected and {@code offline} by the last will when the link breaks (or at a clean
 * stop), so subscribers know whether silence means calm. The outbox is the store: Paho keeps nothing in memory
 * between attempts, and a broken link is rebuilt on the next delivery. ssl:// URIs use the JVM's trust store.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "connector", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {"MQTT 3.1.1", "TLS"}, models = {}, securityContact = "SECURITY.md",
        summary = "Alarms to a control room over MQTT (QoS 1, retained status with a last will)")
@Component(service = ControlRoomConnector.class, configurationPid = MqttKind.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MqttConnector.Configuration.class, factory = true)
public class MqttConnector implements ControlRoomConnector {

    @ObjectClassDefinition(name = "Uitkijk MQTT connector", description = "A control room that receives alarms "
            + "from an MQTT broker.")
    public @interface Configuration {
        @AttributeDefinition(name = "Instance id")
        String uitkijk_connector_id();

        @AttributeDefinition(name = "Label", required = false)
        String uitkijk_connector_label() default "";

        @AttributeDefinition(name = "Broker", description = "tcp://host:port or ssl://host:port")
        String broker();

        @AttributeDefinition(name = "Topic prefix", required = false)
        String topicPrefix() default "uitkijk";

        @AttributeDefinition(name = "Client id", required = false, description = "Empty: uitkijk-<instance id>.")
        String clientId() default "";

        @AttributeDefinition(name = "User name", required = false)
        String username() default "";

        @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(name = "Timeout (s)", required = false)
        int timeoutSeconds() default 5;

        @AttributeDefinition(name = "Allow plain TCP to another host", required = false)
        boolean allowPlainTcp() default false;
    }

    /** Where publishing and connecting are told apart in the outbox's error texts. */
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnector.class);
    static final byte[] ONLINE = "online".getBytes(StandardCharsets.UTF_8);
    static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);

    private final String id;
    private final String label;
    private final String broker;
    private final String prefix;
    private final String clientId;
    private final String username;
    private final char[] password;
    private final long timeoutMillis;
    /** Paho's own timers and callbacks run here, so that stopping the connector ends them. */
    private final ScheduledExecutorService pahoThreads;
    private volatile MqttClient client;

    @Activate
    public MqttConnector(Configuration configuration, @Reference Secrets secrets) {
        this(configuration.uitkijk_connector_id(), configuration.uitkijk_connector_label(), configuration.broker(),
                configuration.topicPrefix(), configuration.clientId(), configuration.username(),
                secrets.open(configuration.password()),
                Duration.ofSeconds(Math.max(1, configuration.timeoutSeconds())));
        connectSoon();
    }

    MqttConnector(String id, String label, String broker, String prefix, String clientId, String username,
            String password, Duration timeout) {
        this.id = id;
        this.label = label == null || label.isBlank() ? id : label;
        this.broker = broker;
        this.prefix = prefix == null || prefix.isBlank() ? "uitkijk" : prefix;
        this.clientId = clientId == null || clientId.isBlank() ? "uitkijk-" + id : clientId;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password == null || password.isEmpty() ? null : password.toCharArray();
        this.timeoutMillis = timeout.toMillis();
        // Paho runs its receiver, sender and callback as long tasks here, beside its ping timer and our first connect
        this.pahoThreads = Executors.newScheduledThreadPool(6, task -> {
            Thread thread = new Thread(task, "uitkijk-mqtt-" + id);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    String statusTopic() {
        return prefix + "/status";
    }

    String alarmTopic(String type) {
        String clean = type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_");
        return prefix + "/alarm/" + clean;
    }

    @Override
    public synchronized DeliveryResult deliver(Alarm alarm) {
        try {
            MqttClient connected = connect();
            MqttMessage message = new MqttMessage(AlarmDocument.bytes(alarm));
            message.setQos(1);
            message.setRetained(false);
            // MqttClient.publish waits for the PUBACK (at most the time to wait)
            connected.publish(alarmTopic(alarm.type()), message);
            return new DeliveryResult(Outcome.DELIVERED, "PUBACK from " + broker);
        } catch (MqttException e) {
            reset();
            return new DeliveryResult(Outcome.RETRY, broker + ": " + describe(e));
        } catch (RuntimeException e) {
            reset();
            LOG.warn("MQTT {}: {}", id, e.toString());
            return new DeliveryResult(Outcome.RETRY, broker + ": " + e);
        }
    }

    private MqttClient connect() throws MqttException {
        if (client != null && client.isConnected()) {
            return client;
        }
        reset();
        MqttClient fresh = new MqttClient(broker, clientId, new MemoryPersistence(), pahoThreads);
        fresh.setTimeToWait(timeoutMillis);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, timeoutMillis / 1000));
        options.setKeepAliveInterval(30);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setWill(statusTopic(), OFFLINE, 1, true);
        if (username != null) {
            options.setUserName(username);
            if (password != null) {
                options.setPassword(password);
            }
        }
        try {
            fresh.connect(options);
            MqttMessage online = new MqttMessage(ONLINE);
            online.setQos(1);
            online.setRetained(true);
            fresh.publish(statusTopic(), online);
        } catch (MqttException e) {
            close(fresh);
            throw e;
        }
        client = fresh;
        LOG.info("MQTT {} connected to {}", id, broker);
        return fresh;
    }

    private void reset() {
        if (client != null) {
            close(client);
            client = null;
        }
    }

    private void close(MqttClient stale) {
        try {
            if (stale.isConnected()) {
                stale.disconnectForcibly(0, Math.min(timeoutMillis, 1_000), false);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT {} disconnect: {}", id, e.toString());
        }
        try {
            stale.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT {} close: {}", id, e.toString());
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + " (reason " + e.getReasonCode() + ")" + (cause == null ? "" : ": " + cause);
    }

    /** Connects at once (off the activating thread), so the broker's subscribers see {@code online} before an alarm. */
    void connectSoon() {
        pahoThreads.execute(() -> {
            synchronized (this) {
                try {
                    connect();
                } catch (MqttException | RuntimeException e) {
                    reset();
                    LOG.warn("MQTT {}: {} not reachable yet ({}); alarms wait in the outbox", id, broker,
                            e.getMessage());
                }
            }
        });
    }

    /** Whether the link to the broker is up now (never blocks). */
    @Override
    public boolean connected() {
        MqttClient current = client;
        return current != null && current.isConnected();
    }

    @Deactivate
    public synchronized void stop() {
        if (client != null && client.isConnected()) {
            try {
                // a clean stop sends no will: say it ourselves
                MqttMessage offline = new MqttMessage(OFFLINE);
                offline.setQos(1);
                offline.setRetained(true);
                client.publish(statusTopic(), offline);
                client.disconnect(Math.min(timeoutMillis, 2_000));
            } catch (MqttException e) {
                LOG.debug("MQTT {} stop: {}", id, e.toString());
            }
        }
        reset();
        pahoThreads.shutdownNow();
        try {
            pahoThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
