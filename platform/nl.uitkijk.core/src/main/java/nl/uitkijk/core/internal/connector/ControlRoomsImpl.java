package nl.uitkijk.core.internal.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.uitkijk.api.connector.ConnectorInstance;
import nl.uitkijk.api.connector.ConnectorKind;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.connector.Routing;
import nl.uitkijk.core.internal.security.SecretsImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The connector instances for the REST API and the console: configuration, checked by the kind, and live state. */
@Component(service = ControlRooms.class)
public class ControlRoomsImpl implements ControlRooms {

    static final String MASK = "********";

    private final ConnectorDirectory directory;
    private final Outbox outbox;
    private final SecretsImpl secrets;
    private final List<ConnectorKind> kinds = new CopyOnWriteArrayList<>();

    @Activate
    public ControlRoomsImpl(@Reference ConnectorDirectory directory, @Reference Outbox outbox,
            @Reference SecretsImpl secrets) {
        this.directory = directory;
        this.outbox = outbox;
        this.secrets = secrets;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindKind(ConnectorKind kind) {
        kinds.add(kind);
    }

    void unbindKind(ConnectorKind kind) {
        kinds.remove(kind);
    }

    @Override
    public List<ConnectorKind> kinds() {
        List<ConnectorKind> sorted = new ArrayList<>(kinds);
        sorted.sort(Comparator.comparing(ConnectorKind::kind));
        return sorted;
    }

    private Optional<ConnectorKind> kind(String name) {
        return kinds.stream().filter(kind -> kind.kind().equals(name)).findFirst();
    }

    @Override
    public List<ConnectorInstance> instances() {
        return directory.entries().stream().map(this::instance).toList();
    }

    @Override
    public Optional<ConnectorInstance> instance(String id) {
        return directory.entry(id).map(this::instance);
    }

    private ConnectorInstance instance(ConnectorDirectory.Entry entry) {
        Optional<ConnectorKind> kind = kind(entry.kind());
        Set<String> secrets = kind.map(ConnectorKind::secretKeys).orElse(Set.of());
        Map<String, Object> config = new HashMap<>();
        entry.properties().forEach((key, value) -> {
            if (!key.startsWith("service.") && !key.startsWith("uitkijk.connector.") && !key.startsWith("route.")
                    && !key.startsWith("felix.") && !key.startsWith("component.")) {
                // a kind that is not installed cannot say which keys are secret: hide what might be one
                boolean secret = secrets.contains(key) || kind.isEmpty() && looksSecret(key);
                config.put(key, secret ? MASK : value);
            }
        });
        Optional<ControlRoomConnector> connector = outbox.connector(entry.id());
        Optional<DeliveryLane> lane = outbox.lane(entry.id());
        return new ConnectorInstance(entry.id(), entry.kind(), entry.label(), config, entry.routing(),
                connector.isPresent(), connector.map(ControlRoomConnector::connected).orElse(false),
                lane.map(DeliveryLane::backlog).orElse(0L), lane.map(DeliveryLane::failingSince).orElse(null),
                lane.map(DeliveryLane::lastError).orElse(null));
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("secret") || lower.contains("password") || lower.contains("key")
                || lower.contains("token");
    }

    @Override
    public ConnectorInstance put(String id, String kindName, Map<String, Object> config, Routing routing) {
        ConnectorKind kind = kind(kindName).orElseThrow(() -> new IllegalArgumentException("kind: no connector of "
                + "kind '" + kindName + "' is installed (installed: " + kinds().stream().map(ConnectorKind::kind)
                        .toList() + "; feature:install uitkijk-connector-" + kindName + ")"));
        Map<String, Object> merged = new HashMap<>(config == null ? Map.of() : config);
        Optional<ConnectorDirectory.Entry> existing = directory.entry(id).filter(e -> e.kind().equals(kindName));
        for (String secret : kind.secretKeys()) {
            Object value = merged.get(secret);
            if ((value == null || MASK.equals(value)) && existing.isPresent()
                    && existing.get().properties().get(secret) != null) {
                merged.put(secret, existing.get().properties().get(secret));
            } else if (MASK.equals(value)) {
                merged.remove(secret);
            }
        }
        for (String key : merged.keySet()) {
            if (!kind.keys().contains(key) && !key.equals("label")) {
                throw new IllegalArgumentException("config." + key + ": not a setting of a " + kindName
                        + " connector (settings: " + kind.keys() + ")");
            }
        }
        Map<String, Object> plain = new HashMap<>(merged);
        for (String secret : kind.secretKeys()) {
            if (plain.get(secret) != null) {
                plain.put(secret, secrets.open(String.valueOf(plain.get(secret))));
            }
        }
        List<String> problems = kind.validate(plain);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        // secrets go into ConfigAdmin (and etc/) sealed; the connector opens them with the Secrets service
        for (String secret : kind.secretKeys()) {
            if (merged.get(secret) != null && !String.valueOf(merged.get(secret)).isEmpty()) {
                merged.put(secret, secrets.seal(String.valueOf(merged.get(secret))));
            }
        }
        try {
            directory.store(id, kindName, merged, routing == null ? Routing.ALL : routing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the connector instance: " + e.getMessage(), e);
        }
        return instance(id).orElseThrow();
    }

    @Override
    public boolean remove(String id) {
        try {
            return directory.delete(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the connector instance: " + e.getMessage(), e);
        }
    }
}
