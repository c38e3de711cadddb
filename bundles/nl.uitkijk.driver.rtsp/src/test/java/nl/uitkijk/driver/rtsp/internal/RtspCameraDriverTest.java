package nl.uitkijk.driver.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.testkit.RecordingCameraContext;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RTSP driver against a real RTSP server on loopback, serving real CCTV footage. */
class RtspCameraDriverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path folder;
    private static RtspCameraSimulator server;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RtspCameraDriver driver = new RtspCameraDriver(new RtspCameraDriver.Configuration() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return RtspCameraDriver.Configuration.class;
        }

        @Override
        public int probeThreads() {
            return 2;
        }
    });

    @BeforeAll
    static void startServer() throws Exception {
        server = RtspCameraSimulator.start(folder, 2);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stopDriver() {
        driver.deactivate();
        scheduler.shutdownNow();
    }

    @Test
    void aLiveStreamIsOnlineWithItsCodecAndSize() throws Exception {
        RecordingCameraContext context = new RecordingCameraContext("test", Map.of("url", server.url(1)), scheduler);
        CameraSession session = driver.createSession(context);
        session.start();
        StatusInfo online = context.awaitStatus(CameraStatus.ONLINE, TIMEOUT);
        session.stop();
        StreamProfile stream = context.streams().get(0);
        assertEquals("h264", stream.codec());
        assertEquals(768, stream.width());
        assertEquals(576, stream.height());
        assertEquals(server.url(1), stream.uri().toString());
        assertEquals("h264 768x576", online.detail());
        assertEquals(CameraStatus.UNKNOWN, context.statuses().get(0).status());
    }

    /** A camera's second stream: reported as {@code sub}, opened with the same credentials. */
    @Test
    void aSubStreamIsReportedAndOpenedWithTheSameCredentials() throws Exception {
        RecordingCameraContext context = new RecordingCameraContext("test", Map.of("url", server.url(1), "subUrl",
                server.url(2)), scheduler);
        CameraSession session = driver.createSession(context);
        session.start();
        context.awaitStatus(CameraStatus.ONLINE, TIMEOUT);
        session.stop();
        assertEquals(List.of("main", "sub"), context.streams().stream().map(StreamProfile::name).toList());
        assertEquals(server.url(2), context.streams().get(1).uri().toString());
        RtspCameraSession secured = new RtspCameraSession(new RecordingCameraContext("s", Map.of("url",
                "rtsp://127.0.0.1:1/main", "subUrl", "rtsp://127.0.0.1:1/sub", "username", "op", "password", "g h"),
                scheduler), java.util.concurrent.Executors.newSingleThreadExecutor(), settings -> null);
        assertEquals("rtsp://op:g%20h@127.0.0.1:1/sub", secured.mediaUri("sub").orElseThrow().toString());
        assertEquals(List.of("config.subUrl"), fields(driver.validate(Map.of("url", "rtsp://127.0.0.1/a",
                "subUrl", "http://127.0.0.1/b"))));
    }

    @Test
    void aWrongPathIsOfflineWithTheReason() throws Exception {
        RecordingCameraContext context = new RecordingCameraContext("test", Map.of("url", "rtsp://127.0.0.1:" + server.port() + "/nope",
                "timeoutSeconds", 5), scheduler);
        CameraSession session = driver.createSession(context);
        session.start();
        StatusInfo offline = context.awaitStatus(CameraStatus.OFFLINE, TIMEOUT);
        session.stop();
        assertEquals("stream not found: check the path in the URL", offline.detail());
    }

    @Test
    void aClosedPortIsOfflineAndCredentialsNeverShow() throws Exception {
        int closed = RtspCameraSimulator.freePort();
        RecordingCameraContext context = new RecordingCameraContext("test", Map.of("url", "rtsp://127.0.0.1:" + closed + "/cam1", "username", "op",
                "password", "geheim", "timeoutSeconds", 3), scheduler);
        CameraSession session = driver.createSession(context);
        session.start();
        StatusInfo offline = context.awaitStatus(CameraStatus.OFFLINE, TIMEOUT);
        session.stop();
        assertEquals("connection refused", offline.detail());
        assertFalse(context.statuses().toString().contains("geheim"));
    }

    @Test
    void validatesTheUrlAndNamesTheField() {
        assertEquals(List.of(), driver.validate(Map.of("url", "rtsp://127.0.0.1:8554/cam1")));
        assertEquals(List.of("config.url"), fields(driver.validate(Map.of())));
        assertEquals(List.of("config.url"), fields(driver.validate(Map.of("url", "http://127.0.0.1/cam"))));
        assertEquals(List.of("config.url"), fields(driver.validate(Map.of("url", "rtsp://"))));
        assertEquals(List.of("config.url"), fields(driver.validate(Map.of("url", "rtsp://u:p@127.0.0.1/a"))));
        assertEquals(List.of("config.url"), fields(driver.validate(Map.of("url", "rtsp://127.0.0.1/a b"))));
        assertEquals(List.of("config.transport", "config.timeoutSeconds"), fields(driver.validate(
                Map.of("url", "rtsp://127.0.0.1/a", "transport", "http", "timeoutSeconds", "soon"))));
    }

    @Test
    void credentialsAreEncodedIntoTheUrlOnlyForFfmpeg() {
        RtspSettings settings = RtspSettings.of(Map.of("url", "rtsp://127.0.0.1:554/a", "username", "op@heerlen",
                "password", "p:w/d"));
        assertEquals("rtsp://op%40heerlen:p%3Aw%2Fd@127.0.0.1:554/a", settings.connectUrl());
        assertEquals("rtsp://127.0.0.1:554/a", settings.url().toString());
        assertNull(RtspSettings.of(Map.of("url", "rtsp://127.0.0.1/a")).username());
    }

    @Test
    void noProbeConnectionWhileThePlatformReadsTheStream() {
        RecordingCameraContext context = new RecordingCameraContext("cam", Map.of("url", "rtsp://127.0.0.1:9/a"),
                scheduler);
        AtomicInteger probes = new AtomicInteger();
        RtspCameraSession session = new RtspCameraSession(context, Executors.newSingleThreadExecutor(), settings -> {
            probes.incrementAndGet();
            return new StreamProfile("main", settings.url(), "h264", 768, 576, 10);
        });
        session.probe();
        assertEquals(1, probes.get());
        context.packetReceived("main", Instant.now());
        session.probe();
        assertEquals(1, probes.get(), "the platform's packets prove the camera online");
        context.packetReceived("main", Instant.now().minusSeconds(30));
        session.probe();
        assertEquals(2, probes.get(), "a stalled stream is probed again");
        session.stop();
    }

    @Test
    void reasonsAreReadFromFfmpegErrorCodes() {
        assertEquals("connection refused", StreamProbe.reason("avformat_open_input() error -111: Could not open"));
        assertEquals("not authorized: check username and password",
                StreamProbe.reason("avformat_open_input() error " + -0x313034F8 + ": Could not open"));
        assertEquals("the camera reports an internal error (RTSP 5xx): it may need a restart",
                StreamProbe.reason("avformat_open_input() error -1482175992: Could not open input"));
        assertTrue(StreamProbe.reason("something odd").startsWith("cannot open the stream: something odd"));
    }

    private static List<String> fields(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::field).toList();
    }
}
