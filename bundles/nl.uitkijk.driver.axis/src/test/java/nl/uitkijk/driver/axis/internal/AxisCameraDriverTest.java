package nl.uitkijk.driver.axis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.PtzControl.Preset;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.testkit.AxisCameraSimulator;
import nl.uitkijk.testkit.RecordingCameraContext;
import nl.uitkijk.testkit.RecordingCameraContext.ReportedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AxisCameraDriverTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final AxisCameraDriver driver = new AxisCameraDriver(2);
    private AxisCameraSimulator camera;
    private CameraSession session;
    private RecordingCameraContext context;

    @BeforeEach
    void start() throws Exception {
        camera = AxisCameraSimulator.start("root", "Heerlen-2026");
        context = new RecordingCameraContext("axis", AxisDriverConformanceTest.config(camera, "Heerlen-2026"),
                scheduler);
        session = driver.createSession(context);
        session.start();
    }

    @AfterEach
    void stop() {
        session.stop();
        camera.close();
        driver.deactivate();
        scheduler.shutdownNow();
    }

    @Test
    void readsIdentityAndStreamsFromVapixParameters() throws Exception {
        assertEquals("Axis Q6075-E, h264 1920x1080, PTZ",
                context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10)).detail());
        assertEquals("10.12.165", context.device().firmware());
        assertEquals("B8A44F000001", context.device().serial());
        List<StreamProfile> streams = context.streams();
        assertEquals("rtsp://127.0.0.1/axis-media/media.amp?videocodec=h264&resolution=1920x1080",
                streams.get(0).uri().toString());
        assertEquals("rtsp://127.0.0.1/axis-media/media.amp?videocodec=h264&resolution=640x360",
                streams.get(1).uri().toString());
        assertEquals("rtsp://root:Heerlen-2026@127.0.0.1/axis-media/media.amp?videocodec=h264&resolution=1920x1080",
                session.mediaUri("main").orElseThrow().toString());
        assertEquals(0, camera.guard().refused(), "digest with SHA-256 answered right");
    }

    @Test
    void steersTheCamera() throws Exception {
        context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10));
        PtzControl ptz = session.ptz().orElseThrow();
        ptz.continuousMove(-0.25, 0.5, 1);
        ptz.stop();
        ptz.gotoPreset("3");
        ptz.gotoHome();
        assertEquals(List.of("continuouspantiltmove=-25,50&continuouszoommove=100&camera=1",
                "continuouspantiltmove=0,0&continuouszoommove=0&camera=1", "gotoserverpresetno=3&camera=1",
                "move=home&camera=1"), camera.ptzCommands());
        assertEquals(new Preset("2", "Markt"), ptz.presets().get(1));
    }

    @Test
    void motionFromTheWebSocketEventStream() throws Exception {
        context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10));
        awaitTrue(() -> camera.openEventStreams() == 1, "the event stream is subscribed");
        assertTrue(camera.configureMessages().get(0).contains("tns1:VideoSource//."));
        camera.emitMotion(true);
        camera.emitMotion(true);
        camera.emitMotion(false);
        awaitTrue(() -> context.events().size() == 2, "motion start and end");
        List<ReportedEvent> events = context.events();
        assertEquals("motion", events.get(0).type());
        assertTrue(events.get(0).active());
        assertEquals(AxisCameraSimulator.MOTION_TOPIC, events.get(0).details().get("topic"));
        assertEquals(false, events.get(1).active());
        session.stop();
        awaitTrue(() -> camera.openEventStreams() == 0, "stopping closes the event stream");
    }

    @Test
    void topicsAreMappedToKinds() {
        assertEquals("motion", AxisEvents.type("tns1:RuleEngine/tnsaxis:VMD3/vmd3_video_1"));
        assertEquals("tamper", AxisEvents.type("tns1:VideoSource/tnsaxis:Tampering"));
        assertEquals("input", AxisEvents.type("tns1:Device/tnsaxis:IO/Port"));
        assertNull(AxisEvents.type("tns1:Device/tnsaxis:Status/Temperature/Above"));
    }

    @Test
    void hostileEventMessagesAreDropped() throws Exception {
        context.awaitStatus(CameraStatus.ONLINE, Duration.ofSeconds(10));
        AxisEvents events = new AxisEvents(context, null, null);
        events.message("{not json");
        events.message("[[[[[[[[[[");
        events.message("{\"method\":\"events:notify\",\"params\":{\"notification\":{\"topic\":\"tnsaxis:VMD\","
                + "\"message\":{\"data\":\"no object\"}}}}");
        events.message("{\"error\":{\"code\":2002}}");
        assertTrue(context.events().isEmpty());
    }

    @Test
    void validationNamesFields() {
        assertEquals(List.of("config.host", "config.rtspPort", "config.camera"), driver.validate(Map.of(
                "rtspPort", 0, "camera", 65)).stream().map(p -> p.field()).toList());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
