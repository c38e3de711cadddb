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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
import nl.uitkijk.api.recording.IntegrityReport;
import nl.uitkijk.api.recording.RecorderState;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
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
@nl.uitkijk.api.plugin.Plugin(kind = "recorder", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {}, models = {}, securityContact = "SECURITY.md",
        summary = "Records every camera without transcoding into fMP4 segments with SHA-256, gaps with reasons, export")
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

        @AttributeDefinition(name = "Reserve (MB)", description = "Free space no new segment may take: the "
                + "database and the audit trail (sign-in) keep working when footage fills a shared volume.")
        int reserveMegabytes() default 512;

        @AttributeDefinition(name = "Integrity scrub pace (MB/s)", description = "How fast the background check "
                + "re-reads stored footage to compare it with its SHA-256; 0 switches the scrub off.")
        int scrubMegabytesPerSecond() default 20;

        @AttributeDefinition(name = "Integrity scrub interval (hours)", description = "Hours between the starts "
                + "of two passes over all footage.")
        int scrubIntervalHours() default 24;
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
    private final long reserveBytes;
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    /** Writing, hashing and indexing: never on the media hub's dispatch threads (see {@link WriteQueue}). */
    private final ExecutorService writers;
    /** The background integrity scrub: one slow pass at a time, on a thread of its own. */
    private final ScheduledExecutorService scrubber;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    private record Recording(WriteQueue queue, AutoCloseable subscription) {
        CameraRecorder recorder() {
            return queue.recorder();
        }
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
        this.reserveBytes = Math.max(0, configuration.reserveMegabytes()) * 1_000_000L;
        Files.createDirectories(root);
        this.store = new SegmentStore(index, root);
        new StorageRecovery(root, index).run();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-recorder");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger writerNumber = new AtomicInteger();
        writers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "uitkijk-recorder-write-" + writerNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::reconcile, 0, 2, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> recordings.values()
                .forEach(r -> r.queue().closeIfIdle(CameraRecorder.GAP)), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::indexWaiting, 30, 30, TimeUnit.SECONDS);
        scrubber = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-recorder-scrub");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        long pace = Math.max(0, configuration.scrubMegabytesPerSecond()) * 1_000_000L;
        if (pace > 0) {
            long hours = Math.max(1, configuration.scrubIntervalHours());
            scrubber.scheduleWithFixedDelay(() -> scrub(pace), 10, hours * 60, TimeUnit.MINUTES);
        }
        LOG.info("Recording to {} in segments of {} s", root, segmentLength.toSeconds());
    }

    @Deactivate
    public void deactivate() {
        scheduler.shutdownNow();
        scrubber.shutdownNow();
        recordings.keySet().forEach(this::stopRecording);
        writers.shutdown();
        try {
            if (!writers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Recording writers did not finish within 10 s; the last segments are recovered at start");
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            writers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One paced pass over all stored footage; a mismatch is an alarm (once per camera and pass). */
    void scrub(long bytesPerSecond) {
        IntegrityCheck check = new IntegrityCheck(root, index, bytesPerSecond);
        long segments = 0;
        long bytes = 0;
        try {
            for (String camera : index.cameras()) {
                Optional<Instant> oldest = index.oldest(camera);
                if (oldest.isEmpty()) {
                    continue;
                }
                // the newest minute is still being written and indexed
                IntegrityReport report = check.verify(camera, new TimeRange(oldest.get(),
                        Instant.now().minus(Duration.ofMinutes(1))));
                segments += report.segmentsChecked();
                bytes += report.bytesChecked();
                if (!report.intact()) {
                    report.problems().forEach(problem -> LOG.error("Integrity of camera '{}': {}", camera, problem));
                    alarm(camera, "integrity", "stored footage of camera '" + camera + "' does not match its "
                            + "recording: " + report.problems().size() + " problem(s), e.g. "
                            + report.problems().get(0));
                }
            }
            LOG.info("Integrity scrub: {} segments, {} MB re-hashed", segments, bytes / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Integrity scrub stopped: {}", e.toString());
        }
    }

    @Override
    public Optional<IntegrityReport> verify(String cameraId, TimeRange range) throws IOException {
        try {
            return Optional.of(new IntegrityCheck(root, index, 0).verify(cameraId, range));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void indexWaiting() {
        try {
            PendingSegments.indexWaiting(root, index);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Waiting segments could not be indexed: {}", e.toString());
        }
    }

    /** Trouble the operators must see: an alarm through the platform's alarm queue. */
    void alarm(String cameraId, String type, String detail) {
        EventAdmin admin = events;
        if (admin == null) {
            LOG.error("ALARM (no event service to raise it): camera '{}' {}: {}", cameraId, type, detail);
            return;
        }
        admin.postEvent(new Event(EventTopics.SYSTEM_ALARM, Map.of(EventTopics.CAMERA_ID, cameraId,
                EventTopics.TYPE, type, EventTopics.PRIORITY, "HIGH", EventTopics.DETAIL, detail)));
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
                Recording running = recordings.get(camera.id());
                if (running != null && running.queue().endedBecause() != null) {
                    resubscribe(camera.id(), running);
                }
                if (!recordings.containsKey(camera.id())) {
                    startRecording(camera.id(), null);
                }
                Recording recording = recordings.get(camera.id());
                if (recording != null) {
                    recording.queue().policy(policy);
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

    /**
     * @param recorder the camera's recorder to go on with (its last segment's end makes the gap), or null for a new
     */
    private void startRecording(String cameraId, CameraRecorder recorder) {
        CameraRecorder writing = recorder != null ? recorder : recorder(cameraId);
        WriteQueue queue = new WriteQueue(cameraId, writing, writers, reason -> alarm(cameraId, "recording-failing",
                "recording of camera '" + cameraId + "' failing: " + reason));
        try {
            AutoCloseable subscription = hub.subscribe(cameraId, PROFILE, MediaHub.Delivery.LOSSLESS, queue);
            recordings.put(cameraId, new Recording(queue, subscription));
            LOG.info("Recording camera '{}'", cameraId);
        } catch (UnknownCameraException e) {
            LOG.debug("Camera '{}' disappeared before recording started", cameraId);
        }
    }

    /**
     * The hub ended the recorder's subscription (the stream closed, or the recorder fell too far behind): subscribe
     * again at once, the gap written down with the reason; anything but a closed stream is an alarm.
     */
    private void resubscribe(String cameraId, Recording ended) {
        String reason = ended.queue().endedBecause();
        recordings.remove(cameraId, ended);
        try {
            ended.subscription().close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing camera '{}' failed", cameraId, e);
        }
        boolean routine = reason.equals("stream closed") || reason.equals("unsubscribed");
        if (routine) {
            LOG.info("Recording of camera '{}' subscribes again ({})", cameraId, reason);
        } else {
            LOG.error("Recording of camera '{}' was interrupted ({}); subscribing again", cameraId, reason);
            alarm(cameraId, "recording-interrupted", "recording of camera '" + cameraId + "' was interrupted ("
                    + reason + ") and resumed; the gap is in its timeline");
        }
        ended.queue().close();
        startRecording(cameraId, ended.recorder());
        Recording renewed = recordings.get(cameraId);
        if (renewed != null) {
            renewed.queue().interrupted("recording interrupted: " + reason);
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
            recording.queue().close();
            LOG.info("Stopped recording camera '{}'", cameraId);
        }
    }

    /** Recording state per camera, for status displays. */
    Map<String, String> status() {
        return recordings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().queue().endedBecause() != null ? "resubscribing: " + e.getValue().queue().endedBecause()
                        : e.getValue().recorder().lastError().isEmpty() ? "recording"
                        : "failing: " + e.getValue().recorder().lastError()));
    }

    @Override
    public List<RecorderState> states() {
        return recordings.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            Recording recording = entry.getValue();
            CameraRecorder recorder = recording.recorder();
            String state = recording.queue().endedBecause() != null ? "resubscribing"
                    : recorder.lastError().isEmpty() ? "recording" : "failing";
            return new RecorderState(entry.getKey(), state, recorder.segmentsWritten(), recording.queue().dropped(),
                    recorder.lastError(), recorder.lastSegmentEnd());
        }).toList();
    }

    @Override
    public RecordingSink open(String cameraId) {
        return recorder(cameraId);
    }

    private CameraRecorder recorder(String cameraId) {
        return new CameraRecorder(cameraId, root, index, segmentLength, () -> hub.stats(cameraId, PROFILE)
                .map(StreamStats::lastError).filter(reason -> !reason.isBlank()).orElse("no data from the camera"),
                reason -> alarm(cameraId, "recording-failing", "recording of camera '" + cameraId + "' failing: "
                        + reason), reserveBytes);
    }

    /** An event at a camera: event-mode recording keeps the footage around it. */
    @Override
    public void handleEvent(Event event) {
        Object camera = event.getProperty(EventTopics.CAMERA_ID);
        Recording recording = camera == null ? null : recordings.get(camera.toString());
        if (recording != null) {
            recording.queue().trigger(Instant.now());
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
    public ExportResult exportTo(String cameraId, TimeRange range, Path target)
            throws IOException, NoFootageException {
        return store.exportTo(cameraId, range, target);
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
