package nl.uitkijk.recorder.segment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.recording.ExportResult;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.RecordingPolicies;
import nl.uitkijk.api.recording.RecordingPolicy;
import nl.uitkijk.api.recording.RecordingSink;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline;
import nl.uitkijk.recorder.segment.internal.SegmentIndex.Segment;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous recording of every camera into fragmented MP4 segments under a storage root, indexed in the platform
 * database; timeline, export and deletion for the platform's retention.
 */
@Component(service = { RecordingBackend.class, EventHandler.class }, immediate = true,
        configurationPid = "nl.uitkijk.recorder.segment",
        property = EventConstants.EVENT_TOPIC + "=" + EventTopics.CAMERA_EVENT)
@Designate(ocd = SegmentRecorder.Configuration.class)
public class SegmentRecorder implements RecordingBackend, EventHandler {

    @ObjectClassDefinition(name = "Uitkijk segment recorder", description = "Recording into MP4 segments.")
    public @interface Configuration {
        @AttributeDefinition(name = "Storage root", description = "Folder of the footage; empty means "
                + "${karaf.data}/uitkijk/recordings.")
        String storageRoot() default "";

        @AttributeDefinition(name = "Segment length", description = "Seconds per segment; cut at the next keyframe.")
        int segmentSeconds() default 4;
    }

    static final String PROFILE = "main";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecorder.class);

    private final MediaHub hub;
    private final CameraRegistry cameras;
    private final RecordingPolicies policies;
    private final SegmentIndex index;
    private final SegmentStore store;
    private final Path root;
    private final Duration segmentLength;
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    private record Recording(CameraRecorder recorder, AutoCloseable subscription) {
    }

    @Activate
    public SegmentRecorder(@Reference MediaHub hub, @Reference CameraRegistry cameras,
            @Reference RecordingPolicies policies,
            @Reference(target = "(uitkijk.datasource=platform)") DataSource dataSource, Configuration configuration)
            throws IOException, SQLException {
        this.hub = hub;
        this.cameras = cameras;
        this.policies = policies;
        this.index = new SegmentIndex(dataSource);
        this.root = resolveRoot(configuration.storageRoot());
        this.segmentLength = Duration.ofSeconds(Math.max(1, configuration.segmentSeconds()));
        Files.createDirectories(root);
        this.store = new SegmentStore(index, root);
        new StorageRecovery(root, index).run();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-recorder");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::reconcile, 0, 2, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> recordings.values()
                .forEach(r -> r.recorder().closeIfIdle(CameraRecorder.GAP)), 1, 1, TimeUnit.SECONDS);
        LOG.info("Recording to {} in segments of {} s", root, segmentLength.toSeconds());
    }

    @Deactivate
    public void deactivate() {
        scheduler.shutdownNow();
        recordings.keySet().forEach(this::stopRecording);
    }

    /** Records every camera whose policy says so; stops for cameras that were removed or switched off. */
    private void reconcile() {
        try {
            Set<String> wanted = new java.util.HashSet<>();
            for (Camera camera : cameras.cameras()) {
                RecordingPolicy policy = policies.policy(camera.id());
                if (policy.mode() == RecordingPolicy.Mode.OFF) {
                    continue;
                }
                wanted.add(camera.id());
                if (!recordings.containsKey(camera.id())) {
                    startRecording(camera.id());
                }
                Recording recording = recordings.get(camera.id());
                if (recording != null) {
                    recording.recorder().policy(policy);
                }
            }
            for (String id : List.copyOf(recordings.keySet())) {
                if (!wanted.contains(id)) {
                    stopRecording(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Recording reconciliation failed", e);
        }
    }

    private void startRecording(String cameraId) {
        CameraRecorder recorder = open(cameraId);
        try {
            AutoCloseable subscription = hub.subscribe(cameraId, PROFILE, MediaHub.Delivery.LOSSLESS, recorder);
            recordings.put(cameraId, new Recording(recorder, subscription));
            LOG.info("Recording camera '{}'", cameraId);
        } catch (UnknownCameraException e) {
            LOG.debug("Camera '{}' disappeared before recording started", cameraId);
        }
    }

    private void stopRecording(String cameraId) {
        Recording recording = recordings.remove(cameraId);
        if (recording != null) {
            try {
                recording.subscription().close();
            } catch (Exception e) {
                LOG.debug("Unsubscribing camera '{}' failed", cameraId, e);
            }
            recording.recorder().close();
            LOG.info("Stopped recording camera '{}'", cameraId);
        }
    }

    /** Recording state per camera, for status displays. */
    Map<String, String> status() {
        return recordings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().recorder().lastError().isEmpty() ? "recording"
                        : "failing: " + e.getValue().recorder().lastError()));
    }

    @Override
    public CameraRecorder open(String cameraId) {
        return new CameraRecorder(cameraId, root, index, segmentLength, () -> hub.stats(cameraId, PROFILE)
                .map(StreamStats::lastError).filter(reason -> !reason.isBlank()).orElse("no data from the camera"));
    }

    /** An event at a camera: event-mode recording keeps the footage around it. */
    @Override
    public void handleEvent(Event event) {
        Object camera = event.getProperty(EventTopics.CAMERA_ID);
        Recording recording = camera == null ? null : recordings.get(camera.toString());
        if (recording != null) {
            recording.recorder().trigger(Instant.now());
        }
    }

    @Override
    public Timeline timeline(String cameraId, TimeRange range) {
        return store.timeline(cameraId, range);
    }

    @Override
    public ExportResult export(String cameraId, TimeRange range, OutputStream out)
            throws IOException, NoFootageException {
        return store.export(cameraId, range, out);
    }

    @Override
    public long deleteBefore(String cameraId, Instant cutoff, List<TimeRange> held) throws IOException {
        return store.deleteBefore(cameraId, cutoff, held);
    }

    @Override
    public List<String> cameras() {
        try {
            return index.cameras();
        } catch (SQLException e) {
            throw new IllegalStateException("the segment index cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> oldest(String cameraId) {
        try {
            return index.oldest(cameraId);
        } catch (SQLException e) {
            throw new IllegalStateException("the segment index cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long usedBytes() {
        try {
            return index.totalBytes();
        } catch (SQLException e) {
            throw new IllegalStateException("the segment index cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long freeBytes() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public long totalBytes() {
        try {
            return Files.getFileStore(root).getTotalSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static Path resolveRoot(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("karaf.data", "data"), "uitkijk", "recordings");
    }

    static Stream<Path> files(Path folder) throws IOException {
        return Files.walk(folder).filter(Files::isRegularFile);
    }
}
