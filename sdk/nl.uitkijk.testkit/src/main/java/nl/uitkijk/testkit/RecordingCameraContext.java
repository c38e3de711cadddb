package nl.uitkijk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;

/** A {@link CameraContext} for driver tests: it records every report so the test can wait for and check them. */
public final class RecordingCameraContext implements CameraContext {

    private final String cameraId;
    private final Map<String, Object> config;
    private final ScheduledExecutorService scheduler;
    private final List<StatusInfo> statuses = new CopyOnWriteArrayList<>();
    private final List<ReportedEvent> events = new CopyOnWriteArrayList<>();

    /** A device event as the driver reported it. */
    public record ReportedEvent(String type, boolean active, Map<String, String> details) {
    }
    private volatile List<StreamProfile> streams = List.of();
    private volatile DeviceInfo device = DeviceInfo.NONE;
    private final Map<String, Instant> lastPackets = new ConcurrentHashMap<>();

    public RecordingCameraContext(String cameraId, Map<String, Object> config, ScheduledExecutorService scheduler) {
        this.cameraId = cameraId;
        this.config = Map.copyOf(config);
        this.scheduler = scheduler;
    }

    /** Plays the platform's media hub: the named stream is being read and its last packet came at {@code when}. */
    public void packetReceived(String profile, Instant when) {
        lastPackets.put(profile, when);
    }

    @Override
    public Optional<Instant> lastPacketReceived(String profile) {
        return Optional.ofNullable(lastPackets.get(profile));
    }

    /** Every status reported, oldest first. */
    public List<StatusInfo> statuses() {
        return List.copyOf(statuses);
    }

    public StatusInfo lastStatus() {
        List<StatusInfo> all = statuses();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public List<StreamProfile> streams() {
        return streams;
    }

    public DeviceInfo device() {
        return device;
    }

    /** Waits until the last reported status is {@code expected}; fails with all reports when it does not come. */
    public StatusInfo awaitStatus(CameraStatus expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            StatusInfo last = lastStatus();
            if (last != null && last.status() == expected) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("status never became " + expected + "; reported " + statuses);
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public void reportStatus(StatusInfo status) {
        statuses.add(status);
    }

    @Override
    public void reportStreams(List<StreamProfile> newStreams) {
        streams = List.copyOf(newStreams);
    }

    @Override
    public void reportDevice(DeviceInfo newDevice) {
        device = newDevice;
    }

    @Override
    public void reportEvent(String type, boolean active, Map<String, String> details) {
        events.add(new ReportedEvent(type, active, details == null ? Map.of() : Map.copyOf(details)));
    }

    /** The device events reported so far. */
    public List<ReportedEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
