package nl.uitkijk.core.internal.governance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.LegalHold;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.LegalHolds;
import nl.uitkijk.api.governance.Retention;
import nl.uitkijk.api.governance.RetentionReport;
import nl.uitkijk.api.governance.RetentionReport.Deletion;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention as the law sets it: footage older than the camera's maximum age (28 days unless shorter) goes; when the
 * storage quota is exceeded or the disk runs low, the oldest footage goes first; footage on a legal hold never goes.
 * Each run is logged with what was deleted and why.
 */
@Component(service = RetentionService.class, immediate = true, configurationPid = "nl.uitkijk.retention")
@Designate(ocd = RetentionServiceImpl.Configuration.class)
public class RetentionServiceImpl implements RetentionService {

    @ObjectClassDefinition(name = "Uitkijk retention", description = "How long footage is kept.")
    public @interface Configuration {
        @AttributeDefinition(name = "Maximum age (days)", description = "Footage older than this is deleted; "
                + "at most 28, the legal maximum.")
        int maxAgeDays() default 28;

        @AttributeDefinition(name = "Quota (GB)", description = "Most footage to keep per recorder; 0: no quota.")
        long quotaGigabytes() default 0;

        @AttributeDefinition(name = "Minimum free disk (%)", description = "Below this the oldest footage goes.")
        int minFreePercent() default 5;

        @AttributeDefinition(name = "Interval (minutes)", description = "Minutes between retention runs.")
        int intervalMinutes() default 15;

        @AttributeDefinition(name = "Storage check (seconds)", description = "Seconds between checks of the free "
                + "space and quota of every recorder's storage; a shortage starts a retention run at once and, while "
                + "it lasts, is an alarm.")
        int storageCheckSeconds() default 10;
    }

    /** How far the cutoff moves per step when storage must be freed. */
    static final Duration STEP = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionServiceImpl.class);

    private final Database database;
    private final LegalHolds holds;
    private final AuditLog audit;
    private final Duration platformMaximum;
    private final long quotaBytes;
    private final int minFreePercent;
    private final List<RecordingBackend> backends = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    /** Backends whose storage is short now (an alarm was raised when it began). */
    private final java.util.Set<RecordingBackend> shortOfStorage = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.osgi.service.event.EventAdmin events;

    @Activate
    public RetentionServiceImpl(@Reference Database database, @Reference LegalHolds holds,
            @Reference AuditLog audit, Configuration configuration) {
        this.database = database;
        this.audit = audit;
        this.holds = holds;
        Duration configured = Duration.ofDays(Math.max(1, configuration.maxAgeDays()));
        if (configured.compareTo(Retention.LEGAL_MAXIMUM) > 0) {
            LOG.warn("Maximum age of {} days exceeds the legal maximum; using 28 days", configuration.maxAgeDays());
            configured = Retention.LEGAL_MAXIMUM;
        }
        this.platformMaximum = configured;
        this.quotaBytes = Math.max(0, configuration.quotaGigabytes()) * 1_000_000_000L;
        this.minFreePercent = Math.max(0, Math.min(90, configuration.minFreePercent()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, configuration.intervalMinutes());
        scheduler.scheduleWithFixedDelay(this::runQuietly, 1, interval, TimeUnit.MINUTES);
        long check = Math.max(1, configuration.storageCheckSeconds());
        scheduler.scheduleWithFixedDelay(this::watchStorage, check, check, TimeUnit.SECONDS);
    }

    /**
     * Watches every recorder's storage continuously: a shortage (quota, low disk) starts a retention run at once; one
     * that a run cannot end (footage on legal hold, another program filling the disk) is an alarm, once per episode.
     */
    void watchStorage() {
        try {
            boolean ran = false;
            for (RecordingBackend backend : backends) {
                String shortage = storageShortage(backend);
                if (shortage != null && !ran) {
                    run();
                    ran = true;
                    shortage = storageShortage(backend);
                }
                if (shortage != null && shortOfStorage.add(backend)) {
                    long total = backend.totalBytes();
                    String detail = "recording storage short (" + shortage + "): " + (total > 0 && total != Long.MAX_VALUE
                            ? backend.freeBytes() * 100 / total + " % free" : "quota reached")
                            + " even after deleting the oldest footage that is not on legal hold";
                    LOG.error("{}", detail);
                    alarm("storage-low", detail);
                } else if (shortage == null && shortOfStorage.remove(backend)) {
                    LOG.warn("Recording storage has room again");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Storage check failed: {}", e.toString());
        }
    }

    /** The event service the alarms are posted on (DS injects the field; tests call this). */
    void events(org.osgi.service.event.EventAdmin admin) {
        this.events = admin;
    }

    private void alarm(String type, String detail) {
        org.osgi.service.event.EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new org.osgi.service.event.Event(nl.uitkijk.api.event.EventTopics.SYSTEM_ALARM, Map.of(
                    nl.uitkijk.api.event.EventTopics.TYPE, type, nl.uitkijk.api.event.EventTopics.PRIORITY, "HIGH",
                    nl.uitkijk.api.event.EventTopics.DETAIL, detail)));
        }
    }

    @Deactivate
    public void deactivate() {
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBackend(RecordingBackend backend) {
        backends.add(backend);
    }

    void removeBackend(RecordingBackend backend) {
        backends.remove(backend);
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Retention run failed", e);
        }
    }

    @Override
    public synchronized RetentionReport run() {
        Instant now = Instant.now();
        List<Deletion> deletions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RecordingBackend backend : backends) {
            for (String camera : backend.cameras()) {
                Instant cutoff = now.minus(maximumAge(camera));
                delete(backend, camera, "age", cutoff, deletions, warnings);
            }
            freeStorage(backend, now, deletions, warnings);
        }
        long total = deletions.stream().mapToLong(Deletion::bytes).sum();
        RetentionReport report = new RetentionReport(now, total, deletions, warnings);
        if (total > 0 || !warnings.isEmpty()) {
            LOG.info("Retention run: {} bytes deleted", total);
            deletions.forEach(d -> LOG.info("Retention: camera '{}': {} bytes before {} ({})", d.cameraId(),
                    d.bytes(), d.cutoff(), d.cause()));
            // Every automatic deletion is accountable: what (camera, up to when, how much) and why.
            deletions.forEach(d -> audit.record(AuditLog.SYSTEM, AuditActions.RETENTION_DELETE, d.cameraId(), "",
                    d.cause(), "footage before " + d.cutoff() + ", " + d.bytes() + " bytes"));
            warnings.forEach(w -> LOG.warn("Retention: {}", w));
        }
        return report;
    }

    /** Deletes the oldest footage, camera by camera in order of age, until quota and free disk are met again. */
    private void freeStorage(RecordingBackend backend, Instant now, List<Deletion> deletions, List<String> warnings) {
        Map<String, Instant> cutoffs = new HashMap<>();
        Set<String> exhausted = new HashSet<>();
        for (int step = 0; step < 100_000; step++) {
            String cause = storageShortage(backend);
            if (cause == null) {
                return;
            }
            Optional<String> oldest = backend.cameras().stream().filter(c -> !exhausted.contains(c))
                    .filter(c -> backend.oldest(c).isPresent())
                    .min((a, b) -> position(backend, a, cutoffs).compareTo(position(backend, b, cutoffs)));
            if (oldest.isEmpty()) {
                warnings.add(cause + ": storage is still short, but all footage left is on legal hold or recent");
                return;
            }
            String camera = oldest.get();
            Instant cutoff = position(backend, camera, cutoffs).plus(STEP);
            if (cutoff.isAfter(now)) {
                exhausted.add(camera);
                continue;
            }
            cutoffs.put(camera, cutoff);
            delete(backend, camera, cause, cutoff, deletions, warnings);
        }
    }

    private static Instant position(RecordingBackend backend, String camera, Map<String, Instant> cutoffs) {
        Instant oldest = backend.oldest(camera).orElse(Instant.MAX);
        Instant reached = cutoffs.get(camera);
        return reached != null && reached.isAfter(oldest) ? reached : oldest;
    }

    private String storageShortage(RecordingBackend backend) {
        if (quotaBytes > 0 && backend.usedBytes() > quotaBytes) {
            return "quota";
        }
        long total = backend.totalBytes();
        if (total > 0 && total != Long.MAX_VALUE && backend.freeBytes() * 100 / total < minFreePercent) {
            return "low disk";
        }
        return null;
    }

    private void delete(RecordingBackend backend, String camera, String cause, Instant cutoff,
            List<Deletion> deletions, List<String> warnings) {
        List<TimeRange> held = holds.active(camera).stream().map(LegalHold::range).toList();
        try {
            long bytes = backend.deleteBefore(camera, cutoff, held);
            if (bytes > 0) {
                deletions.add(new Deletion(camera, cause, cutoff, bytes));
            }
        } catch (IOException | RuntimeException e) {
            warnings.add("camera '" + camera + "': deletion failed: " + e.getMessage());
        }
    }

    @Override
    public Duration maximumAge(String cameraId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT max_age_days FROM camera_retention WHERE camera_id = ?")) {
            s.setString(1, cameraId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    Duration own = Duration.ofDays(r.getInt(1));
                    return own.compareTo(platformMaximum) < 0 ? own : platformMaximum;
                }
            }
        } catch (SQLException e) {
            LOG.warn("Camera retention of '{}' cannot be read; the platform's applies: {}", cameraId, e.getMessage());
        }
        return platformMaximum;
    }

    @Override
    public void setMaximumAge(String cameraId, Duration maximumAge) throws InvalidCameraException {
        if (maximumAge != null && (maximumAge.isNegative() || maximumAge.isZero()
                || maximumAge.compareTo(Retention.LEGAL_MAXIMUM) > 0)) {
            throw new InvalidCameraException(List.of(new ConfigProblem("maxAgeDays",
                    "must be from 1 to 28 days: the law allows at most four weeks")));
        }
        try (Connection c = database.connection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM camera_retention WHERE camera_id = ?")) {
                s.setString(1, cameraId);
                s.executeUpdate();
            }
            if (maximumAge != null) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO camera_retention (camera_id, max_age_days) VALUES (?, ?)")) {
                    s.setString(1, cameraId);
                    s.setInt(2, (int) maximumAge.toDays());
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("camera retention cannot be written: " + e.getMessage(), e);
        }
        LOG.info("Maximum age of footage of camera '{}': {}", cameraId,
                maximumAge == null ? "the platform's" : maximumAge.toDays() + " days");
    }
}
