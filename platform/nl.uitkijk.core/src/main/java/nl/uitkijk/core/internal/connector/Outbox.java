package nl.uitkijk.core.internal.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.governance.Handovers;
import nl.uitkijk.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery runtime: one {@link DeliveryLane} per configured connector instance, fed from the alarm outbox (the
 * {@code alarm_delivery} rows written with each alarm). A lane waits while its connector's bundle is away and goes on
 * where it stopped when it is back; a restart after {@code kill -9} finds every undelivered alarm in the database.
 * Delivery is at least once: an alarm confirmed by the receiver just before a crash goes out again, with its id.
 */
@Component(service = Outbox.class, immediate = true, configurationPid = "nl.uitkijk.outbox")
@Designate(ocd = Outbox.Configuration.class)
public class Outbox implements DeliveryLane.Reports {

    @ObjectClassDefinition(name = "Uitkijk alarm outbox", description = "Delivery of alarms to control rooms.")
    public @interface Configuration {
        @AttributeDefinition(name = "First retry (ms)", description = "Wait before the first retry; doubled each time.")
        long firstRetryMillis() default 1_000;

        @AttributeDefinition(name = "Retry cap (s)", description = "The longest wait between two attempts.")
        long retryCapSeconds() default 60;

        @AttributeDefinition(name = "Failing after (s)", description = "How long an alarm may fail to reach a control "
                + "room before an operator alarm says so.")
        long failingAfterSeconds() default 60;

        @AttributeDefinition(name = "Source", description = "This installation's name, sent with every alarm.")
        String source() default "uitkijk";
    }

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private final OutboxStore store;
    private final AlarmQueue alarms;
    private final DeliveryLane.Timing timing;
    private final String source;
    private final Clock clock;
    private final Map<String, DeliveryLane> lanes = new ConcurrentHashMap<>();
    private final Map<String, ControlRoomConnector> connectors = new ConcurrentHashMap<>();
    private final AutoCloseable alarmSubscription;
    private final AutoCloseable directorySubscription;
    private volatile CameraRegistry cameras;
    private volatile Handovers handovers;
    private volatile boolean active = true;

    @Activate
    public Outbox(@Reference Database database, @Reference AlarmQueue alarms,
            @Reference ConnectorDirectory directory, Configuration configuration) {
        this(database, alarms, directory::subscribe, new DeliveryLane.Timing(Duration.ofMillis(Math.max(10,
                configuration.firstRetryMillis())), Duration.ofSeconds(Math.max(1, configuration.retryCapSeconds())),
                Duration.ofSeconds(Math.max(1, configuration.failingAfterSeconds()))), configuration.source(),
                Clock.systemUTC());
    }

    Outbox(Database database, AlarmQueue alarms,
            java.util.function.Function<java.util.function.Consumer<Collection<ConnectorDirectory.Entry>>,
                    AutoCloseable> instances, DeliveryLane.Timing timing, String source, Clock clock) {
        this.store = new OutboxStore(database);
        this.alarms = alarms;
        this.timing = timing;
        this.source = source;
        this.clock = clock;
        this.directorySubscription = instances.apply(this::instancesChanged);
        // every new alarm may be waiting in some lane: each lane reads its own part of the outbox
        this.alarmSubscription = alarms.subscribe(alarm -> {
            if (alarm.open()) {
                lanes.values().forEach(DeliveryLane::wake);
            }
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindConnector(ControlRoomConnector connector, Map<String, Object> properties) {
        String id = String.valueOf(properties.getOrDefault(ControlRoomConnector.CONNECTOR_ID, connector.id()));
        connectors.put(id, connector);
        DeliveryLane lane = lanes.get(id);
        if (lane != null) {
            lane.connector(connector);
        }
        LOG.info("Connector {} ({}) delivers", id, connector.label());
    }

    void unbindConnector(ControlRoomConnector connector, Map<String, Object> properties) {
        String id = String.valueOf(properties.getOrDefault(ControlRoomConnector.CONNECTOR_ID, connector.id()));
        if (connectors.remove(id, connector)) {
            DeliveryLane lane = lanes.get(id);
            if (lane != null && lane.connector() == connector) {
                lane.connector(null);
            }
            LOG.info("Connector {} is away: its alarms wait in the outbox", id);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCameras(CameraRegistry registry) {
        this.cameras = registry;
    }

    void unbindCameras(CameraRegistry registry) {
        if (this.cameras == registry) {
            this.cameras = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindHandovers(Handovers service) {
        this.handovers = service;
    }

    void unbindHandovers(Handovers service) {
        if (this.handovers == service) {
            this.handovers = null;
        }
    }

    @Deactivate
    void stop() {
        active = false;
        close(alarmSubscription);
        close(directorySubscription);
        lanes.values().forEach(DeliveryLane::stop);
        lanes.clear();
    }

    private synchronized void instancesChanged(Collection<ConnectorDirectory.Entry> entries) {
        if (!active) {
            return;
        }
        Set<String> ids = entries.stream().map(ConnectorDirectory.Entry::id).collect(Collectors.toSet());
        lanes.keySet().removeIf(id -> {
            if (!ids.contains(id)) {
                lanes.get(id).stop();
                return true;
            }
            return false;
        });
        for (String id : ids) {
            lanes.computeIfAbsent(id, this::startLane);
        }
    }

    private DeliveryLane startLane(String id) {
        DeliveryLane lane = new DeliveryLane(id, store, this::message, this, timing, clock);
        lane.connector(connectors.get(id));
        lane.start();
        return lane;
    }

    /** The lane of an instance, while it is configured. */
    Optional<DeliveryLane> lane(String id) {
        return Optional.ofNullable(lanes.get(id));
    }

    Optional<ControlRoomConnector> connector(String id) {
        return Optional.ofNullable(connectors.get(id));
    }

    /** The alarm as the control room receives it: with the camera's name and site as they are now. */
    private Alarm message(OutboxStore.Pending pending) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Alarm.SOURCE, source);
        if (pending.raisedBy() != null) {
            attributes.put(Alarm.RAISED_BY, pending.raisedBy());
        }
        CameraRegistry registry = cameras;
        if (pending.cameraId() != null && registry != null) {
            Optional<Camera> camera = registry.camera(pending.cameraId());
            camera.ifPresent(c -> {
                attributes.put(Alarm.CAMERA_NAME, c.definition().name());
                if (c.definition().site() != null) {
                    attributes.put(Alarm.SITE, c.definition().site());
                }
            });
        }
        Handovers links = handovers;
        if (links != null) {
            // the hand-over made for this alarm, while it lasts: a redelivery after it ended carries no dead link
            links.forAlarm(pending.uid()).filter(handover -> handover.activeAt(clock.instant())).ifPresent(handover ->
                    links.link(handover.id()).ifPresent(link -> {
                        attributes.put(Alarm.HANDOVER_URL, link.toString());
                        attributes.put(Alarm.HANDOVER_UNTIL, handover.until().toString());
                    }));
        }
        return new Alarm(pending.uid(), pending.alarmId(), pending.cameraId(), pending.type(), pending.priority(),
                pending.raised(), pending.summary(), attributes);
    }

    @Override
    public void failing(DeliveryLane lane, Instant since, String error) {
        raise("delivery-failing", Priority.HIGH, "delivery to " + lane.label() + " failing since "
                + LOCAL.format(since) + " (" + lane.backlog() + " alarms waiting): " + error);
    }

    @Override
    public void restored(DeliveryLane lane, Instant since) {
        raise("delivery-restored", Priority.LOW, "delivery to " + lane.label() + " works again (failed from "
                + LOCAL.format(since) + ")");
    }

    @Override
    public void rejected(DeliveryLane lane, OutboxStore.Pending alarm, String detail) {
        raise("delivery-rejected", Priority.HIGH, lane.label() + " refused alarm " + alarm.alarmId() + " ("
                + alarm.type() + (alarm.cameraId() == null ? "" : ", " + alarm.cameraId()) + "): " + detail);
    }

    private void raise(String type, Priority priority, String summary) {
        try {
            alarms.raise(null, type, priority, summary, null);
        } catch (RuntimeException e) {
            LOG.error("Could not raise the operator alarm '{}': {}", summary, e.getMessage());
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing", e);
        }
    }
}
