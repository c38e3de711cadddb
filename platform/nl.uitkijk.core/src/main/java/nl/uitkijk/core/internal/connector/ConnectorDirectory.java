package nl.uitkijk.core.internal.connector;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.Routing;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector instances as ConfigAdmin holds them: every configuration with {@value
 * ControlRoomConnector#CONNECTOR_ID}, whatever made it (the REST API, {@code config:} commands, a file in {@code
 * etc/}). It outlives the connector bundles, so the alarms of an instance whose kind is uninstalled are still routed
 * to it and wait in the outbox. It decides, when an alarm is raised, which instances receive it.
 */
@Component(service = { ConnectorDirectory.class, ConfigurationListener.class })
public class ConnectorDirectory implements ConfigurationListener {

    /** Configuration property: the kind ({@code webhook}) of an instance. */
    public static final String KIND = "uitkijk.connector.kind";
    /** Factory PIDs of the kinds: this prefix and the kind. */
    public static final String FACTORY_PID_PREFIX = "nl.uitkijk.connector.";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDirectory.class);

    /** One instance as configured. */
    public record Entry(String id, String kind, String label, String pid, Map<String, Object> properties,
            Routing routing, RouteFilter filter) {
    }

    private final ConfigurationAdmin configurationAdmin;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Map<String, Entry> entries = Map.of();
    private volatile CameraRegistry cameras;
    private final List<Consumer<Collection<Entry>>> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ConnectorDirectory(@Reference ConfigurationAdmin configurationAdmin) {
        this(configurationAdmin, Clock.systemUTC(), ZoneId.of("Europe/Amsterdam"));
    }

    ConnectorDirectory(ConfigurationAdmin configurationAdmin, Clock clock, ZoneId zone) {
        this.configurationAdmin = configurationAdmin;
        this.clock = clock;
        this.zone = zone;
        reload();
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

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getFactoryPid() != null || entries.values().stream().anyMatch(e -> e.pid().equals(event.getPid()))) {
            reload();
        }
    }

    /** Tells the listener of the instances now and after every change (on ConfigAdmin's thread). */
    public AutoCloseable subscribe(Consumer<Collection<Entry>> listener) {
        listeners.add(listener);
        listener.accept(entries.values());
        return () -> listeners.remove(listener);
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The ids of the instances that receive an alarm of this camera, type and priority raised now. */
    public List<String> routes(String cameraId, String type, Priority priority) {
        Map<String, Entry> now = entries;
        if (now.isEmpty()) {
            return List.of();
        }
        String site = null;
        String designation = null;
        CameraRegistry registry = cameras;
        if (cameraId != null && registry != null) {
            Optional<Camera> camera = registry.camera(cameraId);
            if (camera.isPresent()) {
                site = camera.get().definition().site();
                designation = camera.get().definition().designationId();
            }
        }
        RouteFilter.Facts facts = new RouteFilter.Facts(type, priority, cameraId, site, designation,
                ZonedDateTime.now(clock.withZone(zone)));
        List<String> ids = new ArrayList<>();
        for (Entry entry : now.values()) {
            if (entry.filter().takes(facts)) {
                ids.add(entry.id());
            }
        }
        return ids;
    }

    /**
     * Stores an instance's configuration (a new factory configuration of the kind, or the existing one changed).
     *
     * @throws IllegalArgumentException for an invalid id or routing
     */
    public void store(String id, String kind, Map<String, Object> config, Routing routing) throws IOException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: 1–32 lower-case letters, digits or '-', starting with a letter "
                    + "or digit");
        }
        routing.windows().forEach(RouteFilter::check);
        Dictionary<String, Object> properties = new Hashtable<>();
        config.forEach((key, value) -> {
            if (value != null && !key.startsWith("route.") && !key.startsWith("uitkijk.connector.")
                    && !key.startsWith("service.") && !key.startsWith("component.")) {
                properties.put(key, value instanceof Collection<?> list
                        ? list.stream().map(String::valueOf).toArray(String[]::new) : value);
            }
        });
        properties.put(ControlRoomConnector.CONNECTOR_ID, id);
        properties.put(KIND, kind);
        Object label = config.get("label");
        properties.put(ControlRoomConnector.LABEL, label == null ? id : String.valueOf(label));
        put(properties, Routing.TYPES, routing.types());
        put(properties, Routing.CAMERAS, routing.cameras());
        put(properties, Routing.SITES, routing.sites());
        put(properties, Routing.DESIGNATIONS, routing.designations());
        put(properties, Routing.WINDOWS, routing.windows());
        if (routing.minPriority() != null) {
            properties.put(Routing.MIN_PRIORITY, routing.minPriority().name());
        }
        Entry existing = entries.get(id);
        Configuration configuration = existing != null && existing.kind().equals(kind)
                ? configurationAdmin.getConfiguration(existing.pid(), "?")
                : configurationAdmin.getFactoryConfiguration(FACTORY_PID_PREFIX + kind, id, "?");
        if (existing != null && !existing.kind().equals(kind)) {
            configurationAdmin.getConfiguration(existing.pid(), "?").delete();
        }
        configuration.update(properties);
        reload();
    }

    private static void put(Dictionary<String, Object> properties, String key, Collection<String> values) {
        if (!values.isEmpty()) {
            properties.put(key, values.toArray(String[]::new));
        }
    }

    /** @return whether there was such an instance */
    public boolean delete(String id) throws IOException {
        Entry existing = entries.get(id);
        if (existing == null) {
            return false;
        }
        configurationAdmin.getConfiguration(existing.pid(), "?").delete();
        reload();
        return true;
    }

    synchronized void reload() {
        Configuration[] configurations;
        try {
            configurations = configurationAdmin.listConfigurations("(" + ControlRoomConnector.CONNECTOR_ID + "=*)");
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Cannot read the connector instances from ConfigAdmin: {}", e.getMessage());
            return;
        }
        Map<String, Entry> read = new TreeMap<>();
        for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue;
            }
            String id = String.valueOf(properties.get(ControlRoomConnector.CONNECTOR_ID));
            String kind = kindOf(configuration, properties);
            try {
                Routing routing = routing(properties);
                Entry entry = new Entry(id, kind, String.valueOf(Optional.ofNullable(properties.get(
                        ControlRoomConnector.LABEL)).orElse(id)), configuration.getPid(), map(properties), routing,
                        new RouteFilter(routing));
                if (read.putIfAbsent(id, entry) != null) {
                    LOG.error("Two configurations name connector instance '{}' ({} and {}): the second is ignored",
                            id, read.get(id).pid(), configuration.getPid());
                }
            } catch (IllegalArgumentException e) {
                // an instance with a broken routing still gets every alarm: losing alarms is worse than extra ones
                LOG.error("Connector instance '{}' ({}): {}; it receives every alarm until this is corrected", id,
                        configuration.getPid(), e.getMessage());
                read.putIfAbsent(id, new Entry(id, kind, id, configuration.getPid(), map(properties), Routing.ALL,
                        new RouteFilter(Routing.ALL)));
            }
        }
        entries = Map.copyOf(read);
        for (Consumer<Collection<Entry>> listener : listeners) {
            try {
                listener.accept(entries.values());
            } catch (RuntimeException e) {
                LOG.warn("A connector directory listener failed", e);
            }
        }
    }

    private static String kindOf(Configuration configuration, Dictionary<String, Object> properties) {
        Object kind = properties.get(KIND);
        if (kind != null) {
            return String.valueOf(kind);
        }
        String factory = configuration.getFactoryPid();
        return factory != null && factory.startsWith(FACTORY_PID_PREFIX)
                ? factory.substring(FACTORY_PID_PREFIX.length()) : String.valueOf(factory);
    }

    static Routing routing(Dictionary<String, Object> properties) {
        Object priority = properties.get(Routing.MIN_PRIORITY);
        return new Routing(strings(properties.get(Routing.TYPES)),
                priority == null || String.valueOf(priority).isBlank() ? null : Priority.parse(String.valueOf(priority)),
                strings(properties.get(Routing.CAMERAS)), strings(properties.get(Routing.SITES)),
                strings(properties.get(Routing.DESIGNATIONS)), List.copyOf(strings(properties.get(Routing.WINDOWS), ";")));
    }

    /** A string array, a collection or a comma-separated string (as a file in {@code etc/} gives it). */
    static Set<String> strings(Object value) {
        return strings(value, ",");
    }

    /** As {@link #strings(Object)}, a plain string split at {@code separator} (windows use ';': "Sat,Sun …"). */
    static Set<String> strings(Object value, String separator) {
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof String[] array) {
            Arrays.stream(array).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        } else if (value instanceof Collection<?> list) {
            list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        } else if (value != null) {
            Arrays.stream(String.valueOf(value).split(separator)).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(values::add);
        }
        return values;
    }

    private static Map<String, Object> map(Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, properties.get(key));
        }
        return map;
    }
}
