package nl.uitkijk.core.internal.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DuplicateCameraException;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.discovery.DiscoveredCamera;
import nl.uitkijk.api.discovery.DiscoveryInbox;
import nl.uitkijk.api.discovery.DiscoveryParticipant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery inbox: asks the installed participants (WS-Discovery for ONVIF, vendor protocols) on request, keeps
 * what they found by driver and address (a camera found again is updated, not duplicated), and adds a camera only
 * when an administrator approves it. Cameras already configured at the same address are not proposed again.
 */
@Component(service = DiscoveryInbox.class)
public class DiscoveryInboxImpl implements DiscoveryInbox {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryInboxImpl.class);
    private static final Duration LONGEST_SCAN = Duration.ofSeconds(30);

    private final CameraRegistry registry;
    private final List<DiscoveryParticipant> participants = new CopyOnWriteArrayList<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService scans = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "uitkijk-discovery");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DiscoveryInboxImpl(@Reference CameraRegistry registry) {
        this.registry = registry;
    }

    @Deactivate
    public void deactivate() {
        scans.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindParticipant(DiscoveryParticipant participant) {
        participants.add(participant);
    }

    void unbindParticipant(DiscoveryParticipant participant) {
        participants.remove(participant);
    }

    @Override
    public List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparing((Entry e) -> e.camera().driverId())
                .thenComparing(e -> e.camera().address())).toList();
    }

    @Override
    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(id).map(entries::get);
    }

    @Override
    public List<Entry> scan(Duration timeout) {
        Duration bounded = timeout.compareTo(LONGEST_SCAN) > 0 ? LONGEST_SCAN : timeout;
        List<Future<?>> running = new ArrayList<>();
        for (DiscoveryParticipant participant : participants) {
            running.add(scans.submit(() -> {
                try {
                    participant.scan(bounded, this::found);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Discovery by '{}' failed", participant.driverId(), e);
                }
            }));
        }
        for (Future<?> scan : running) {
            try {
                scan.get(bounded.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                scan.cancel(true);
            }
        }
        return entries();
    }

    private void found(DiscoveredCamera camera) {
        if (camera == null || camera.driverId() == null || camera.address() == null) {
            return;
        }
        if (configuredAlready(camera)) {
            return;
        }
        String id = id(camera);
        entries.put(id, new Entry(id, camera));
    }

    /**
     * A camera the registry has with the same driver and host (or, without a host, the same proposed settings) is
     * not proposed again: an administrator may have changed its port or credentials on approval.
     */
    private boolean configuredAlready(DiscoveredCamera found) {
        Object host = found.proposedConfig().get("host");
        return registry.cameras().stream().map(Camera::definition)
                .filter(d -> d.driver().equals(found.driverId()))
                .anyMatch(d -> host != null ? host.equals(d.config().get("host"))
                        : found.proposedConfig().entrySet().stream().allMatch(e -> String.valueOf(e.getValue())
                                .equals(String.valueOf(d.config().get(e.getKey())))));
    }

    @Override
    public Camera approve(String entryId, CameraDefinition definition)
            throws InvalidCameraException, DuplicateCameraException {
        Entry entry = entry(entryId).orElseThrow(() -> new InvalidCameraException(List.of(new ConfigProblem("entry",
                "no camera '" + entryId + "' in the discovery inbox"))));
        Map<String, Object> config = new LinkedHashMap<>(entry.camera().proposedConfig());
        config.putAll(definition.config());
        Camera added = registry.add(new CameraDefinition(definition.id(), definition.name(),
                entry.camera().driverId(), config, definition.location(), definition.site(),
                definition.designationId()));
        entries.remove(entryId);
        LOG.info("Discovered camera {} ({}) approved as '{}'", entry.camera().address(), entry.camera().driverId(),
                added.id());
        return added;
    }

    @Override
    public boolean dismiss(String entryId) {
        return entryId != null && entries.remove(entryId) != null;
    }

    /** A stable short id from driver and address, so a camera found again keeps its id. */
    static String id(DiscoveredCamera camera) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((camera.driverId() + "|" + camera.address())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
