package nl.uitkijk.driver.hikvision.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.PtzControl.Preset;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.testkit.HikvisionCameraSimulator;
import nl.uitkijk.testkit.RecordingCameraContext;
import nl.uitkijk.testkit.RecordingCameraContext.ReportedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HikvisionCameraDriverTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final HikvisionCameraDriver driver = new HikvisionCameraDriver(2);
    private HikvisionCameraSimulator camera;
    private RecordingCameraContext context;
    private CameraSession session;

    /** A session of the driver with the simulated camera; stopped after the test. */
    private void startSession() {
        context = new RecordingCameraContext("hik", Map.of("host", "127.0.0.1", "port", camera.port(),
                "username", "admin", "password", "Heerlen-2026", "timeoutSeconds", 2), scheduler);
        session = driver.createSession(context);
        session.start();
    }

    @BeforeEach
    void start() throws Exception {
        camera = HikvisionCameraSimulator.start("admin", "Heerlen-2026");
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.stop();
        }
        camera.close();
        driver.deactivate();
        scheduler.shutdownNow();
    }

    @Test
    void readsIdentityAndChannelsOverIsapiWithDigest() throws Exception {
        startSession();
        assertEquals("Hikvision DS-2DE4425IW-DE, h264 2560x1440, PTZ",
                context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10)).detail());
        assertEquals("V5.7.3", context.device().firmware());
        assertEquals("DS-2DE4425IW-DE20200101CCWRC12345678", context.device().serial());
        List<StreamProfile> streams = context.streams();
        assertEquals(List.of("main", "sub"), streams.stream().map(StreamProfile::name).toList(),
                "the disabled MJPEG channel 103 is left out");
        assertEquals("rtsp://127.0.0.1/Streaming/Channels/101", streams.get(0).uri().toString());
        assertEquals(25.0, streams.get(0).fps());
        assertEquals(640, streams.get(1).width());
        assertEquals("rtsp://admin:Heerlen-2026@127.0.0.1/Streaming/Channels/101",
                session.mediaUri("main").orElseThrow().toString(), "credentials only for the media hub");
        assertEquals(0, camera.guard().refused());
    }

    @Test
    void steersTheCameraAndListsItsPresets() throws Exception {
        startSession();
        context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10));
        PtzControl ptz = session.ptz().orElseThrow();
        ptz.continuousMove(0.5, -1, 0);
        ptz.stop();
        ptz.gotoPreset("2");
        ptz.gotoHome();
        assertEquals(List.of(new Preset("1", "Pancratiusplein"), new Preset("2", "Saroleastraat")), ptz.presets());
        assertEquals(List.of(
                "PUT /ISAPI/PTZCtrl/channels/1/continuous <PTZData><pan>50</pan><tilt>-100</tilt><zoom>0</zoom></PTZData>",
                "PUT /ISAPI/PTZCtrl/channels/1/continuous <PTZData><pan>0</pan><tilt>0</tilt><zoom>0</zoom></PTZData>",
                "PUT /ISAPI/PTZCtrl/channels/1/presets/2/goto ",
                "PUT /ISAPI/PTZCtrl/channels/1/homeposition/goto "), camera.ptzCommands());
        assertTrue(assertThrowsPtz(() -> ptz.gotoPreset("../../System/factoryReset")).contains("no such preset"));
    }

    @Test
    void motionFromTheAlertStreamStartsAndEnds() throws Exception {
        startSession();
        context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10));
        awaitTrue(() -> camera.openAlertStreams() == 1, "the alert stream is opened");
        camera.emitMotion(2);
        awaitTrue(() -> context.events().stream().anyMatch(e -> !e.active()), "motion ends after the quiet time");
        List<ReportedEvent> events = context.events();
        assertEquals(2, events.size(), "one start, one end, although the camera repeats the alert: " + events);
        assertEquals("motion", events.get(0).type());
        assertTrue(events.get(0).active());
        assertEquals("VMD", events.get(0).details().get("eventType"));
        assertFalse(events.stream().anyMatch(e -> e.type().equals("video-loss")), "heartbeats are no events");
        session.stop();
        awaitTrue(() -> camera.openAlertStreams() == 0, "stopping closes the alert stream");
    }

    @Test
    void aCameraWithoutPtzHasNoneAndValidationNamesFields() {
        assertEquals(List.of("config.host", "config.rtspPort", "config.channel"), driver.validate(Map.of(
                "rtspPort", 70000, "channel", 0)).stream().map(p -> p.field()).toList());
    }

    private static String assertThrowsPtz(PtzCall call) {
        try {
            call.run();
        } catch (PtzControl.PtzException e) {
            return e.getMessage();
        }
        throw new AssertionError("no PtzException");
    }

    @FunctionalInterface
    private interface PtzCall {
        void run() throws PtzControl.PtzException;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
