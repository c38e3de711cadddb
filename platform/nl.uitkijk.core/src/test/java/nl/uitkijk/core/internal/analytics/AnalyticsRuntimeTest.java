package nl.uitkijk.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.analytics.AnalyticsPolicies.ModuleState;
import nl.uitkijk.api.analytics.AnalyticsPolicies.State;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.lpr.LicencePlates;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.core.internal.lpr.LicencePlatesImpl;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.RetentionReport;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.core.internal.alarm.AlarmQueueImpl;
import nl.uitkijk.core.internal.governance.AuditLogImpl;
import nl.uitkijk.core.internal.governance.DeploymentsImpl;
import nl.uitkijk.core.internal.governance.DesignationsImpl;
import nl.uitkijk.core.internal.governance.LegalBasisImpl;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import nl.uitkijk.testkit.InMemoryCameraRegistry;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The analytics runtime on a real Derby with the real designation register, legal basis and audit log, fed the real
 * clip by a stand-in media hub (the hub itself is tested on its own and in Karaf): policies, the legal gate, switching one module off while another stays on, episodes becoming
 * events and alarms with a snapshot, stored detections and the motion search, and a hanging module given up.
 */
class AnalyticsRuntimeTest {

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AlarmQueueImpl alarms;
    private AnalyticsRuntime runtime;
    private final InMemoryCameraRegistry cameras = new InMemoryCameraRegistry();
    private LicencePlatesImpl plates;
    /** The cameras whose pictures went through the privacy masks before a module saw them. */
    private final List<String> painted = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private AuditLogImpl audit;
    private DesignationsImpl designations;
    private Designation centrum;
    private final AtomicBoolean playing = new AtomicBoolean();

    /** Plays the clip in real time (10 fps) to whoever subscribes, as the hub hands on a camera's packets. */
    private final MediaHub hub = new MediaHub() {
        @Override
        public AutoCloseable subscribe(String cameraId, String profile, Delivery delivery, MediaSink sink) {
            AtomicBoolean open = new AtomicBoolean(true);
            Thread player = new Thread(() -> {
                try (ClipPackets clip = new ClipPackets(TestData.require("video/opencv_vtest_h264.mp4"))) {
                    sink.format(clip.format);
                    long started = System.currentTimeMillis() * 1000;
                    long[] first = {-1};
                    clip.forEachPacket(packet -> {
                        if (!open.get()) {
                            throw new IllegalStateException("closed");
                        }
                        if (first[0] < 0) {
                            first[0] = packet.ptsMicros();
                        }
                        long due = started + packet.ptsMicros() - first[0];
                        long wait = due / 1000 - System.currentTimeMillis();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        sink.packet(new nl.uitkijk.api.media.MediaPacket(packet.ptsMicros(), packet.dtsMicros(),
                                packet.keyframe(), packet.data(), System.currentTimeMillis() * 1000));
                    });
                } catch (Exception e) {
                    // closed, or the clip ended
                }
            }, "test-hub-" + cameraId);
            player.setDaemon(true);
            player.start();
            playing.set(true);
            return () -> open.set(false);
        }

        @Override
        public Optional<StreamStats> stats(String cameraId, String profile) {
            return Optional.empty();
        }
    };

    /** Finds "moving" in every frame: the clip's people walk all the time. */
    private final CameraAnalyticsTest.TestModule always = new CameraAnalyticsTest.TestModule("always",
            new FrameRequirements(5, 160, PixelFormat.GRAY8),
            frame -> List.of(new Detection("thing", 0.9, 0.2, 0.2, 0.1, 0.1, Map.of("grid", "8" + "0".repeat(47)))));

    @BeforeEach
    void start() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        alarms = new AlarmQueueImpl(database, (camera, type, priority) -> List.of(), java.time.Clock.systemUTC());
        audit = new AuditLogImpl(database);
        designations = new DesignationsImpl(database, audit, provisioning(folder.resolve("none.json")));
        LegalBasis legal = new LegalBasisImpl(designations, new DeploymentsImpl(database, audit, designations));
        centrum = designations.add(designation(Set.of()), "anna");
        cameras.put(new Camera(new CameraDefinition("plein", "Plein", "rtsp", Map.of(), new Location(50.88825,
                5.98005, 200.0, "Pancratiusplein"), "centrum", centrum.id()), StatusInfo.online(), List.of(
                        new StreamProfile("main", null, "h264", 768, 576, 10), new StreamProfile("sub", null, "h264",
                                768, 576, 10)), DeviceInfo.NONE));
        plates = new LicencePlatesImpl(database, cameras, retention(), 0, java.time.Clock.systemUTC());
        runtime = new AnalyticsRuntime(database, cameras, hub, legal, designations, alarms, audit, eventAdmin(),
                retention(), plates, (camera, frame) -> painted.add(camera), configuration());
        runtime.addModule(always);
    }

    @AfterEach
    void stop() {
        runtime.deactivate();
        database.close();
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(failure);
    }

    private ModuleState state(String module) throws Exception {
        return runtime.states("plein").stream().filter(s -> s.moduleId().equals(module)).findFirst().orElseThrow();
    }

    @Test
    void anEpisodeBecomesAnEventARecordingTriggerAndAnAlarmWithASnapshotAndDetectionsAreSearchable()
            throws Exception {
        assertEquals("sub", AnalyticsRuntime.analysedProfile(cameras.camera("plein").orElseThrow()),
                "the sub-stream where the camera has one");
        assertEquals(State.OFF, state("always").state());
        runtime.set("plein", "always", true, Map.of(), "HIGH", "anna");
        await(() -> alarms.recent(10, true).stream().anyMatch(a -> "thing".equals(a.type())), "no alarm");
        Alarm alarm = alarms.recent(10, true).get(0);
        assertEquals("plein", alarm.cameraId());
        assertEquals(Alarm.Priority.HIGH, alarm.priority());
        await(() -> runtime.snapshot(alarm.id()).isPresent(), "no snapshot");
        assertTrue(events.stream().anyMatch(e -> e.getTopic().equals("uitkijk/analytics/thing")
                && Boolean.TRUE.equals(e.getProperty(EventTopics.ACTIVE))), "the episode's event");
        assertTrue(events.stream().anyMatch(e -> e.getTopic().equals(EventTopics.CAMERA_EVENT)),
                "event recording asked for");
        TimeRange today = new TimeRange(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        await(() -> {
            try {
                return runtime.detections("plein", today, "thing", 100).size() >= 2;
            } catch (Exception e) {
                return false;
            }
        }, "no detections stored");
        assertFalse(runtime.motionSearch("plein", today, new double[] {0, 0, 0.05, 0.05}).isEmpty(),
                "the grid's top-left cell moved");
        assertTrue(runtime.motionSearch("plein", today, new double[] {0.5, 0.5, 0.5, 0.5}).isEmpty(),
                "nothing in the bottom-right");
        assertEquals(State.RUNNING, state("always").state());
        assertTrue(painted.contains("plein"), "every picture goes through the privacy masks first");
        assertTrue(audited("analytics.policy"));
        assertTrue(runtime.statistics().cameras().get("plein").framesAnalysed() > 0);
    }

    /**
     * A plate module's passages: one on the hotlist raises an alarm with its priority, the reason and a snapshot and
     * is kept; one that is not is kept nowhere (no-hit window 0), and plates never land among the detections.
     */
    @Test
    void aHotlistHitIsAnAlarmWithASnapshotAndANoHitIsKeptNowhere() throws Exception {
        java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
        CameraAnalyticsTest.TestModule reader = new CameraAnalyticsTest.TestModule("reader",
                new FrameRequirements(5, 160, PixelFormat.BGR24), frame -> {
                    int n = frames.incrementAndGet();
                    String plate = n % 2 == 0 ? "GZ123X" : "XB1234";
                    return n % 5 == 0 ? List.of(new Detection(PlateRead.DETECTION_TYPE, 0.9, 0.4, 0.6, 0.2, 0.05,
                            Map.of(PlateRead.TEXT, plate, PlateRead.FORMATTED, plate.equals("GZ123X") ? "GZ-123-X"
                                    : "XB-12-34", PlateRead.SIDECODE, plate.equals("GZ123X") ? "9" : "1",
                                    PlateRead.COUNTRY, "NL", PlateRead.VOTES, "4"))) : List.of();
                });
        runtime.addModule(new Personal(reader, Set.of(PersonalData.LICENCE_PLATES)));
        assertThrows(AnalyticsPolicies.LegalRefusalException.class, () -> runtime.set("plein", "reader", true,
                Map.of(), null, "anna"), "plates need a designation that permits them");
        permit(Set.of(PersonalData.LICENCE_PLATES));
        plates.addToHotlist("gz-123-x", "Gerechtelijk bevel 2026/77", Instant.now().plus(Duration.ofDays(7)),
                "MEDIUM", "anna");
        runtime.set("plein", "reader", true, Map.of(), "NONE", "anna");
        await(() -> alarms.recent(10, true).stream().anyMatch(a -> "plate-hit".equals(a.type())), "no hit alarm");
        Alarm alarm = alarms.recent(10, true).stream().filter(a -> "plate-hit".equals(a.type())).findFirst()
                .orElseThrow();
        assertEquals(Alarm.Priority.MEDIUM, alarm.priority(), "the hotlist entry's priority");
        assertTrue(alarm.summary().contains("GZ-123-X") && alarm.summary().contains("Gerechtelijk bevel"),
                alarm.summary());
        await(() -> runtime.snapshot(alarm.id()).isPresent(), "no snapshot of the hit");
        await(() -> frames.get() > 25, "frames");
        runtime.set("plein", "reader", false, Map.of(), "NONE", "anna");
        Instant from = Instant.now().minusSeconds(600);
        Instant to = Instant.now().plusSeconds(60);
        List<LicencePlates.Passage> kept = plates.passages(null, from, to, null, 100);
        assertFalse(kept.isEmpty());
        assertTrue(kept.stream().allMatch(p -> p.text().equals("GZ123X") && p.hotlistReason() != null), kept
                .toString());
        assertTrue(kept.stream().anyMatch(p -> alarm.id().equals(p.alarmId())));
        assertTrue(plates.passages("XB-12-34", from, to, null, 100).isEmpty(), "a no-hit is not kept");
        assertTrue(runtime.detections("plein", new TimeRange(from, to), null, 1000).stream()
                .noneMatch(d -> d.type().equals(PlateRead.DETECTION_TYPE)), "plates are not detections");
        assertTrue(plates.passages(null, from, to, Set.of("elsewhere"), 100).isEmpty(), "narrowed to cameras");
    }

    @Test
    void aNoHitWindowKeepsNoHitsThatLongOnly() throws Exception {
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofSeconds(61));
        LicencePlatesImpl windowed = new LicencePlatesImpl(database, cameras, retention(), 60,
                java.time.Clock.systemUTC());
        Detection passage = new Detection(PlateRead.DETECTION_TYPE, 0.9, 0, 0, 0.1, 0.1, Map.of(PlateRead.TEXT,
                "XB1234", PlateRead.VOTES, "3"));
        assertTrue(windowed.observed("plein", passage, Instant.now()).isEmpty(), "no hit");
        Instant from = Instant.now().minusSeconds(60);
        Instant to = Instant.now().plusSeconds(60);
        assertEquals(1, windowed.passages("xb-12-34", from, to, null, 10).size(), "kept within the window");
        new LicencePlatesImpl(database, cameras, retention(), 60, later).deleteExpired();
        assertTrue(windowed.passages("XB1234", from, to, null, 10).isEmpty(), "gone after it");
        assertThrows(IllegalArgumentException.class, () -> windowed.addToHotlist("GZ123X", "", Instant.now()
                .plusSeconds(60), "HIGH", "anna"), "a reason is required");
        assertThrows(IllegalArgumentException.class, () -> windowed.addToHotlist("GZ123X", "x", Instant.now()
                .minusSeconds(60), "HIGH", "anna"), "in the future");
        assertThrows(IllegalArgumentException.class, () -> windowed.addToHotlist("GZ123X", "x", Instant.now()
                .plusSeconds(60), "URGENT", "anna"));
        windowed.addToHotlist("GZ123X", "x", Instant.now().plusSeconds(30), null, "anna");
        assertEquals("HIGH", windowed.hotlist().get(0).priority());
        new LicencePlatesImpl(database, cameras, retention(), 60, later).deleteExpired();
        assertTrue(windowed.hotlist().isEmpty(), "an expired entry is deleted");
        assertTrue(!windowed.removeFromHotlist("GZ123X"));
    }

    @Test
    void theLegalGateRefusesWhatTheDesignationDoesNotPermitAndStopsItWhenPermissionGoes() throws Exception {
        CameraAnalyticsTest.TestModule counter = new CameraAnalyticsTest.TestModule("counter",
                new FrameRequirements(2, 160, PixelFormat.GRAY8), frame -> List.of());
        AnalyticsModule persons = new Personal(counter, Set.of(PersonalData.PERSONS));
        runtime.addModule(persons);
        AnalyticsPolicies.LegalRefusalException refused = assertThrows(AnalyticsPolicies.LegalRefusalException.class,
                () -> runtime.set("plein", "counter", true, Map.of(), null, "anna"));
        assertTrue(refused.getMessage().contains("PERSONS"), refused.getMessage());
        assertTrue(audited("legal.refusal"), "audited");

        permit(Set.of(PersonalData.PERSONS));
        runtime.set("plein", "counter", true, Map.of(), null, "anna");
        await(() -> counter.seen().size() > 2, "not running once permitted");
        permit(Set.of());
        runtime.handleEvent(new Event(EventTopics.DESIGNATION_CHANGED, Map.of(EventTopics.DESIGNATION_ID,
                centrum.id())));
        await(() -> {
            try {
                return state("counter").state() == State.REFUSED;
            } catch (Exception e) {
                return false;
            }
        }, "still running after the designation stopped permitting it");
        int seen = counter.seen().size();
        Thread.sleep(1_500);
        assertTrue(counter.seen().size() <= seen + 1, "no longer fed");
        assertTrue(runtime.enabledModules().getOrDefault("plein", Map.of()).isEmpty(),
                "the public page lists no refused module");
    }

    @Test
    void switchingOneModuleOffLeavesTheOtherRunning() throws Exception {
        CameraAnalyticsTest.TestModule second = new CameraAnalyticsTest.TestModule("second",
                new FrameRequirements(5, 160, PixelFormat.GRAY8), frame -> List.of());
        runtime.addModule(second);
        runtime.set("plein", "always", true, Map.of(), "NONE", "anna");
        runtime.set("plein", "second", true, Map.of(), "NONE", "anna");
        await(() -> always.seen().size() > 3 && second.seen().size() > 3, "both run");
        runtime.set("plein", "always", false, Map.of(), "NONE", "anna");
        Thread.sleep(500);
        int stopped = always.seen().size();
        int going = second.seen().size();
        Thread.sleep(1_500);
        assertTrue(always.seen().size() <= stopped + 1, "the one switched off is no longer fed");
        assertTrue(second.seen().size() > going + 3, "the other goes on");
        assertEquals(State.OFF, state("always").state());
        assertEquals(Set.of("second"), runtime.enabledModules().get("plein").keySet());
        assertTrue(alarms.recent(10, false).isEmpty(), "NONE raises no alarm");
    }

    @Test
    void aModuleRunsOnlyWithinItsScheduleAndABadWindowIsNamed() throws Exception {
        java.time.ZonedDateTime now = Instant.now().atZone(java.time.ZoneId.of("Europe/Amsterdam"));
        String elsewhere = now.getDayOfWeek().plus(3).getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.ENGLISH) + " 00:00-24:00";
        runtime.set("plein", "always", true, Map.of(), "NONE", List.of(elsewhere), "anna");
        assertEquals(State.SCHEDULED, state("always").state(), state("always").detail());
        Thread.sleep(1_000);
        assertTrue(always.seen().isEmpty(), "not fed outside its schedule");
        runtime.set("plein", "always", true, Map.of(), "NONE", List.of(elsewhere, "00:00-24:00"), "anna");
        await(() -> always.seen().size() > 2, "not running within its schedule");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> runtime.set("plein",
                "always", true, Map.of(), "NONE", List.of("Mo 8-9"), "anna"));
        assertTrue(bad.getMessage().startsWith("schedule 'Mo 8-9'"), bad.getMessage());
    }

    @Test
    void aBadConfigurationOrAnUnknownModuleIsAClearErrorAndStoresNothing() throws Exception {
        assertThrows(AnalyticsPolicies.UnknownModuleException.class,
                () -> runtime.set("plein", "nope", true, Map.of(), null, "anna"));
        assertThrows(IllegalArgumentException.class,
                () -> runtime.set("plein", "always", true, Map.of(), "URGENT", "anna"));
        assertEquals(State.OFF, state("always").state());
        assertThrows(nl.uitkijk.api.camera.UnknownCameraException.class, () -> runtime.states("elders"));
    }

    @Test
    void aHangingModuleIsGivenUpWithAnAlarmAndTheCamerasOtherModuleGoesOn() throws Exception {
        CountDownHang hang = new CountDownHang();
        CameraAnalyticsTest.TestModule hanging = new CameraAnalyticsTest.TestModule("hanging",
                new FrameRequirements(5, 160, PixelFormat.GRAY8), frame -> {
                    hang.block();
                    return List.of();
                });
        runtime.addModule(hanging);
        runtime.set("plein", "always", true, Map.of(), "NONE", "anna");
        runtime.set("plein", "hanging", true, Map.of(), "NONE", "anna");
        await(() -> {
            try {
                return state("hanging").state() == State.FAILED;
            } catch (Exception e) {
                return false;
            }
        }, "the hanging module was not given up");
        assertTrue(state("hanging").detail().startsWith("hung"), state("hanging").detail());
        assertTrue(events.stream().anyMatch(e -> e.getTopic().equals(EventTopics.SYSTEM_ALARM)
                && "analytics-failed".equals(e.getProperty(EventTopics.TYPE))), "an operator alarm");
        int seen = always.seen().size();
        await(() -> always.seen().size() > seen + 5, "the camera's other module did not go on");
        hang.release();
    }

    /** Blocks the first caller until released (a module stuck in native code). */
    private static final class CountDownHang {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        void block() {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void release() {
            latch.countDown();
        }
    }

    /** A test module that processes the given personal data. */
    private record Personal(CameraAnalyticsTest.TestModule inner, Set<PersonalData> personalData)
            implements AnalyticsModule {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public String label() {
            return inner.label();
        }

        @Override
        public FrameRequirements requirements() {
            return inner.requirements();
        }

        @Override
        public FrameAnalyzer create(String cameraId, Map<String, Object> config) {
            return inner.create(cameraId, config);
        }
    }

    /** The central area of Heerlen, valid from a month ago for a year, permitting these categories. */
    private static Designation designation(Set<PersonalData> permitted) {
        List<Designation.Position> area = List.of(new Designation.Position(5.9770, 50.8870),
                new Designation.Position(5.9830, 50.8870), new Designation.Position(5.9830, 50.8900),
                new Designation.Position(5.9770, 50.8900), new Designation.Position(5.9770, 50.8870));
        return new Designation(null, "Centrum", "2026/151c-01", LocalDate.of(2026, 1, 1), "Openbare orde",
                List.of(area), Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)),
                List.of(), null, List.of(), permitted);
    }

    private void permit(Set<PersonalData> permitted) throws Exception {
        designations.update(centrum.id(), designation(permitted).withId(centrum.id()), "anna", "test");
    }

    private boolean audited(String action) {
        return audit.entries(Instant.now().minusSeconds(300), null, null, 100).stream()
                .anyMatch(entry -> entry.action().equals(action));
    }

    private static DesignationsImpl.Configuration provisioning(Path file) {
        return new DesignationsImpl.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DesignationsImpl.Configuration.class;
            }

            @Override
            public String provisioningFile() {
                return file.toString();
            }
        };
    }

    private EventAdmin eventAdmin() {
        return new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
    }

    private static RetentionService retention() {
        return new RetentionService() {
            @Override
            public RetentionReport run() {
                return null;
            }

            @Override
            public Duration maximumAge(String cameraId) {
                return Duration.ofDays(28);
            }

            @Override
            public void setMaximumAge(String cameraId, Duration maximumAge) {
            }
        };
    }

    private static AnalyticsRuntime.Configuration configuration() {
        return new AnalyticsRuntime.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AnalyticsRuntime.Configuration.class;
            }

            @Override
            public int threads() {
                return 2;
            }

            @Override
            public int queuePackets() {
                return 150;
            }

            @Override
            public int episodeGapSeconds() {
                return 3;
            }

            @Override
            public int retentionDays() {
                return 28;
            }

            @Override
            public int hangSeconds() {
                return 2;
            }
        };
    }
}
