package nl.uitkijk.certification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.connector.Routing;
import nl.uitkijk.testkit.BenchConnectorConformance;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The connectors a certification checks, made as an administrator makes them: a platform connector instance of the
 * installed kind (its configuration validated, its secret sealed, the plugin's component activated by
 * Declarative Services), removed after each check. Its routing takes only an alarm type no alarm has, so no
 * real alarm is ever offered to the certification's receiver.
 */
final class PlatformConnectors implements BenchConnectorConformance.Connectors, AutoCloseable {

    /** Takes no real alarm: the type is the certification's own. */
    static final Routing NO_ALARMS = new Routing(Set.of("uitkijk-certification"), null, Set.of(), Set.of(), Set.of(),
            List.of());
    private static final Duration ACTIVATION = Duration.ofSeconds(15);

    private final ControlRooms rooms;
    private final BundleContext context;
    private final String kind;
    private final AtomicInteger made = new AtomicInteger();
    private final Map<ControlRoomConnector, ServiceReference<ControlRoomConnector>> started =
            new ConcurrentHashMap<>();

    PlatformConnectors(ControlRooms rooms, BundleContext context, String kind) {
        this.rooms = rooms;
        this.context = context;
        this.kind = kind;
    }

    @Override
    public ControlRoomConnector start(Map<String, Object> config) throws Exception {
        String id = "certification-" + kind + "-" + made.incrementAndGet();
        rooms.put(id, kind, config, NO_ALARMS);
        long deadline = System.nanoTime() + ACTIVATION.toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<ControlRoomConnector> reference = reference(id);
            if (reference != null) {
                ControlRoomConnector connector = context.getService(reference);
                if (connector != null) {
                    started.put(connector, reference);
                    return connector;
                }
            }
            Thread.sleep(50);
        }
        rooms.remove(id);
        throw new IllegalStateException("the " + kind + " connector instance " + id + " was stored but its component "
                + "did not start within " + ACTIVATION.toSeconds() + " s");
    }

    @Override
    public void stop(ControlRoomConnector connector) throws Exception {
        ServiceReference<ControlRoomConnector> reference = started.remove(connector);
        String id = connector.id();
        if (reference != null) {
            context.ungetService(reference);
        }
        rooms.remove(id);
        long deadline = System.nanoTime() + ACTIVATION.toNanos();
        while (reference(id) != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Removes what a failed check left. */
    @Override
    public void close() {
        for (ControlRoomConnector connector : List.copyOf(started.keySet())) {
            try {
                stop(connector);
            } catch (Exception e) {
                // the instance is removed from the directory either way
            }
        }
        for (int i = 1; i <= made.get(); i++) {
            rooms.remove("certification-" + kind + "-" + i);
        }
    }

    private ServiceReference<ControlRoomConnector> reference(String id) throws InvalidSyntaxException {
        return context.getServiceReferences(ControlRoomConnector.class, "(" + ControlRoomConnector.CONNECTOR_ID + "="
                + id + ")").stream().findFirst().orElse(null);
    }
}
