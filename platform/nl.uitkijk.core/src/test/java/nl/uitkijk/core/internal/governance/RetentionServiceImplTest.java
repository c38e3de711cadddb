package nl.uitkijk.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.LegalHold;
import nl.uitkijk.api.governance.RetentionReport;
import nl.uitkijk.api.recording.ExportResult;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.RecordingSink;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionServiceImplTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AuditLogImpl audit;
    private LegalHoldsImpl holds;
    private RetentionServiceImpl retention;

    /** Hour-long pieces of footage, in memory: the unit under test is the policy, not the storage. */
    private static class HourlyBackend implements RecordingBackend {
        final List<TimeRange> pieces = new ArrayList<>();
        long freeBytes = Long.MAX_VALUE / 2;
        long totalBytes = Long.MAX_VALUE;
        final String camera;
        final long bytesPerHour;

        HourlyBackend(String camera, int hours) {
            this(camera, hours, 1_000_000L);
        }

        HourlyBackend(String camera, int hours, long bytesPerHour) {
            this.camera = camera;
            this.bytesPerHour = bytesPerHour;
            for (int h = hours; h > 0; h--) {
                pieces.add(new TimeRange(NOW.minus(Duration.ofHours(h)), NOW.minus(Duration.ofHours(h - 1))));
            }
        }

        @Override
        public RecordingSink open(String cameraId) {
            throw new UnsupportedOperationException("not needed for retention");
        }

        @Override
        public Timeline timeline(String cameraId, TimeRange range) {
            return new Timeline(pieces, List.of());
        }

        @Override
        public ExportResult export(String cameraId, TimeRange range, OutputStream out) {
            throw new UnsupportedOperationException("not needed for retention");
        }

        @Override
        public long deleteBefore(String cameraId, Instant cutoff, List<TimeRange> held) {
            List<TimeRange> gone = pieces.stream().filter(p -> !p.end().isAfter(cutoff))
                    .filter(p -> held.stream().noneMatch(p::overlaps)).toList();
            pieces.removeAll(gone);
            return gone.size() * bytesPerHour;
        }

        @Override
        public List<String> cameras() {
            return pieces.isEmpty() ? List.of() : List.of(camera);
        }

        @Override
        public Optional<Instant> oldest(String cameraId) {
            return pieces.stream().map(TimeRange::start).min(Instant::compareTo);
        }

        @Override
        public long usedBytes() {
            return pieces.size() * bytesPerHour;
        }

        @Override
        public long freeBytes() {
            return freeBytes;
        }

        @Override
        public long totalBytes() {
            return totalBytes;
        }
    }

    @Test
    void aStorageShortageARunCannotEndIsOneAlarmPerEpisode() throws Exception {
        HourlyBackend backend = new HourlyBackend("markt", 24);
        backend.totalBytes = 1_000_000_000L;
        backend.freeBytes = 10_000_000L; // 1 % free
        holds.add("markt", new TimeRange(NOW.minus(Duration.ofDays(2)), NOW), "onderzoek", "PL2300-2026-9", "anna");
        retention = retention(28, 0);
        retention.addBackend(backend);
        List<org.osgi.service.event.Event> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
        retention.events(new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                alarms.add(event);
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                alarms.add(event);
            }
        });
        retention.watchStorage();
        retention.watchStorage();
        assertEquals(1, alarms.size(), "one alarm while the shortage lasts");
        assertEquals(nl.uitkijk.api.event.EventTopics.SYSTEM_ALARM, alarms.get(0).getTopic());
        assertEquals("storage-low", alarms.get(0).getProperty(nl.uitkijk.api.event.EventTopics.TYPE));
        assertTrue(String.valueOf(alarms.get(0).getProperty(nl.uitkijk.api.event.EventTopics.DETAIL))
                .contains("1 % free"), alarms.get(0).toString());
        assertEquals(24, backend.pieces.size(), "held footage is never deleted to make room");
        backend.freeBytes = 500_000_000L;
        retention.watchStorage();
        backend.freeBytes = 10_000_000L;
        retention.watchStorage();
        assertEquals(2, alarms.size(), "a new episode is a new alarm");
    }

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        audit = new AuditLogImpl(database);
        holds = new LegalHoldsImpl(database, audit);
    }

    @AfterEach
    void close() {
        if (retention != null) {
            retention.deactivate();
        }
        database.close();
    }

    private RetentionServiceImpl retention(int days, long quotaGigabytes) {
        return new RetentionServiceImpl(database, holds, audit, new RetentionServiceImpl.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RetentionServiceImpl.Configuration.class;
            }

            @Override
            public int maxAgeDays() {
                return days;
            }

            @Override
            public long quotaGigabytes() {
                return quotaGigabytes;
            }

            @Override
            public int minFreePercent() {
                return 5;
            }

            @Override
            public int intervalMinutes() {
                return 60;
            }

            @Override
            public int storageCheckSeconds() {
                return 3600;
            }
        });
    }

    @Test
    void deletesExactlyWhatIsOlderThanTheLimitExceptHeldFootage() throws Exception {
        HourlyBackend backend = new HourlyBackend("markt", 24 * 30); // thirty days of footage
        retention = retention(28, 0);
        retention.addBackend(backend);
        TimeRange investigated = new TimeRange(NOW.minus(Duration.ofDays(29)).plusSeconds(60),
                NOW.minus(Duration.ofDays(29)).plusSeconds(120));
        LegalHold hold = holds.add("markt", investigated, "vechtpartij Pancratiusplein", "PL2300-2026-123", "anna");

        RetentionReport report = retention.run();
        Instant cutoff = NOW.minus(Duration.ofDays(28));
        assertTrue(backend.pieces.stream().allMatch(p -> p.end().isAfter(cutoff) || p.overlaps(investigated)));
        assertEquals(1, backend.pieces.stream().filter(p -> !p.end().isAfter(cutoff)).count(), "only the held hour");
        assertEquals(2 * 24 - 1, report.deletions().get(0).bytes() / 1_000_000, "two days minus the held hour");
        assertEquals("age", report.deletions().get(0).cause());

        holds.release(hold.id(), "anna");
        retention.run();
        assertTrue(backend.pieces.stream().allMatch(p -> p.end().isAfter(cutoff)), "released: it goes too");
        assertFalse(holds.hold(hold.id()).orElseThrow().active());
        assertEquals(1, holds.all().size(), "a released hold stays in the register");
        // Every step is accountable: who placed and released the hold, and each automatic deletion with its cause.
        List<String> trail = audit.entries(null, null, null, 100).stream()
                .map(e -> e.actor() + " " + e.action() + " " + e.subject() + " " + e.reason()).toList();
        assertEquals(List.of("system retention.delete markt age", "anna hold.release markt ",
                "system retention.delete markt age", "anna hold.add markt vechtpartij Pancratiusplein"), trail);
        assertTrue(audit.verify().valid());
    }

    @Test
    void aCameraMayKeepShorterButNeverLongerThanTheLaw() throws Exception {
        retention = retention(60, 0);
        assertEquals(Duration.ofDays(28), retention.maximumAge("markt"), "capped at the legal maximum");
        retention.setMaximumAge("markt", Duration.ofDays(7));
        assertEquals(Duration.ofDays(7), retention.maximumAge("markt"));
        assertThrows(InvalidCameraException.class, () -> retention.setMaximumAge("markt", Duration.ofDays(29)));
        HourlyBackend backend = new HourlyBackend("markt", 24 * 10);
        retention.addBackend(backend);
        retention.run();
        Instant cutoff = NOW.minus(Duration.ofDays(7));
        assertTrue(backend.pieces.stream().allMatch(p -> p.end().isAfter(cutoff)));
        assertEquals(24 * 7, backend.pieces.size());
    }

    @Test
    void overQuotaTheOldestGoesFirstButHeldFootageStays() throws Exception {
        HourlyBackend backend = new HourlyBackend("markt", 600, 5_000_000L); // 25 days, 3 GB
        TimeRange investigated = backend.pieces.get(0);
        holds.add("markt", investigated, "inbraak", "PL2300-2026-9", "anna");
        retention = retention(28, 1);
        retention.addBackend(backend);
        RetentionReport report = retention.run();
        assertTrue(backend.usedBytes() <= 1_000_000_000L, "within quota: " + backend.usedBytes());
        assertTrue(backend.pieces.contains(investigated), "held footage stays");
        Instant newestDeleted = report.deletions().stream().filter(d -> d.cause().equals("quota"))
                .map(RetentionReport.Deletion::cutoff).max(Instant::compareTo).orElseThrow();
        assertTrue(backend.pieces.stream().filter(p -> !p.equals(investigated))
                .allMatch(p -> p.end().isAfter(newestDeleted.minus(RetentionServiceImpl.STEP))), "oldest went first");
    }

    @Test
    void aHoldNeedsAReasonAndACaseNumber() {
        TimeRange range = new TimeRange(NOW.minusSeconds(60), NOW);
        InvalidCameraException e = assertThrows(InvalidCameraException.class,
                () -> holds.add("markt", range, " ", null, "anna"));
        assertEquals(List.of("reason", "caseNumber"), e.problems().stream().map(p -> p.field()).toList());
    }
}
