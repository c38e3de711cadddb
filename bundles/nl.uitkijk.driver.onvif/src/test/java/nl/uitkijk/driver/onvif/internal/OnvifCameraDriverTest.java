package nl.uitkijk.driver.onvif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.testkit.OnvifCameraSimulator;
import nl.uitkijk.testkit.RecordingCameraContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONVIF driver against the simulator serving a real camera's captured replies, and against hostile ones. */
class OnvifCameraDriverTest {

    private static final String RTSP = "rtsp://127.0.0.1:8554/cam1";
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OnvifCameraDriver driver = new OnvifCameraDriver(2, Clock.systemUTC());
    private final List<AutoCloseable> closing = new ArrayList<>();
    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        driver.deactivate();
        scheduler.shutdownNow();
    }

    private OnvifCameraSimulator camera(String password) throws Exception {
        OnvifCameraSimulator simulator = OnvifCameraSimulator.start("uitkijk", password, RTSP);
        closing.add(simulator);
        return simulator;
    }

    /** A started session and what it reported. */
    private record Started(RecordingCameraContext context, CameraSession session) {
        StatusInfo await(CameraStatus status) throws InterruptedException {
            return context.awaitStatus(status, Duration.ofSeconds(10));
        }
    }

    private Started session(int port, String password, int timeout) {
        RecordingCameraContext context = new RecordingCameraContext("onvif-1", Map.of("host", "127.0.0.1", "port",
                port, "username", "uitkijk", "password", password, "timeoutSeconds", timeout), scheduler);
        CameraSession session = driver.createSession(context);
        closing.add(session::stop);
        long started = System.nanoTime();
        session.start();
        assertTrue(System.nanoTime() - started < 200_000_000L, "start returns at once");
        return new Started(context, session);
    }

    @Test
    void aCameraReportsItsStreamsDeviceAndPtzWithTheClockOffsetCorrected() throws Exception {
        OnvifCameraSimulator simulator = camera("geheim");
        Started camera = session(simulator.port(), "geheim", 5);
        RecordingCameraContext context = camera.context();
        StatusInfo online = camera.await(CameraStatus.ONLINE);
        assertTrue(online.detail().startsWith("ONVIF Mockup Model, "), online.detail());
        assertTrue(online.detail().contains("camera clock differs 11 years (corrected)"), online.detail());
        assertEquals(0, simulator.refused(), "every digest was fresh by the camera's own clock");
        StreamProfile main = context.streams().get(0);
        assertEquals("main", main.name());
        assertEquals("h264", main.codec());
        assertEquals(1920, main.width());
        assertEquals(1080, main.height());
        assertEquals(RTSP, main.uri().toString(), "the camera's stream address, on the configured host");
        assertEquals("Mockup Manufacturer", context.device().manufacturer());
        assertEquals("00000000", context.device().serial());
        assertEquals("rtsp://uitkijk:geheim@127.0.0.1:8554/cam1",
                camera.session().mediaUri("main").orElseThrow().toString(), "credentials for the hub only");
        assertFalse(main.uri().toString().contains("geheim"), "never in what is shown");
    }

    @Test
    void wrongCredentialsSayAuthenticationFailed() throws Exception {
        OnvifCameraSimulator simulator = camera("geheim");
        StatusInfo offline = session(simulator.port(), "fout", 5).await(CameraStatus.OFFLINE);
        assertTrue(offline.detail().startsWith("authentication failed"), offline.detail());
        assertTrue(simulator.refused() > 0);
    }

    @Test
    void hostileXmlIsRefusedWithAReasonAndNoFileIsRead() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOPSECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "<tds:GetDeviceInformationResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
                + "<tds:Manufacturer>&x;</tds:Manufacturer></tds:GetDeviceInformationResponse></s:Body></s:Envelope>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        laughs.append("]><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><x>&lol9;</x>"
                + "</s:Body></s:Envelope>");
        for (String hostile : List.of(xxe, laughs.toString(), "<s:Envelope><s:Body>", "not xml at all",
                "<a>" + "<b>".repeat(100) + "</b>".repeat(100) + "</a>")) {
            OnvifCameraSimulator simulator = camera("geheim");
            simulator.override("GetDeviceInformation", hostile);
            StatusInfo offline = session(simulator.port(), "geheim", 5).await(CameraStatus.OFFLINE);
            assertTrue(offline.detail().startsWith("the reply to GetDeviceInformation is unusable: ")
                    || offline.detail().startsWith("the reply to GetDeviceInformation is no SOAP"), offline.detail());
            assertFalse(offline.detail().contains("TOPSECRET"));
        }
    }

    @Test
    void aSoapFaultAHugeReplyAndACameraThatHangsGiveReasons() throws Exception {
        // The captured fault as the camera sent it: typographic quotes in its XML declaration, an unbound prefix.
        String captured = Files.readString(nl.uitkijk.testkit.TestData.require("onvif/responses/Error.xml"));
        OnvifCameraSimulator malformed = camera("geheim");
        malformed.override("GetProfiles", captured);
        StatusInfo broken = session(malformed.port(), "geheim", 5).await(CameraStatus.OFFLINE);
        assertTrue(broken.detail().startsWith("the reply to GetProfiles is unusable: it is not well-formed XML"),
                broken.detail());
        OnvifCameraSimulator faulty = camera("geheim");
        faulty.override("GetProfiles", "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:ter=\"http://www.onvif.org/ver10/error\"><env:Body><env:Fault><env:Code><env:Value>"
                + "env:Receiver</env:Value><env:Subcode><env:Value>ter:Action</env:Value></env:Subcode></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">fault reason</env:Text></env:Reason></env:Fault></env:Body>"
                + "</env:Envelope>");
        StatusInfo fault = session(faulty.port(), "geheim", 5).await(CameraStatus.OFFLINE);
        assertEquals("the camera refused GetProfiles: fault reason", fault.detail());

        OnvifCameraSimulator huge = camera("geheim");
        huge.override("GetCapabilities", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "x".repeat(3 * 1024 * 1024) + "</s:Body></s:Envelope>");
        StatusInfo tooLarge = session(huge.port(), "geheim", 5).await(CameraStatus.OFFLINE);
        assertTrue(tooLarge.detail().contains("larger than"), tooLarge.detail());

        OnvifCameraSimulator hanging = camera("geheim");
        hanging.stall("GetDeviceInformation");
        long started = System.nanoTime();
        StatusInfo timeout = session(hanging.port(), "geheim", 2).await(CameraStatus.OFFLINE);
        assertEquals("no answer (timeout after 2 s)", timeout.detail());
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    @Test
    void aClosedPortSaysConnectionRefused() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StatusInfo refused = session(port, "x", 2).await(CameraStatus.OFFLINE);
        assertEquals("connection refused", refused.detail());
    }

    @Test
    void ptzCommandsReachTheCamera() throws Exception {
        OnvifCameraSimulator simulator = camera("geheim");
        Started camera = session(simulator.port(), "geheim", 5);
        camera.await(CameraStatus.ONLINE);
        PtzControl ptz = camera.session().ptz().orElseThrow(() -> new AssertionError("the profile has PTZ"));
        ptz.continuousMove(0.5, -0.25, 0);
        ptz.stop();
        ptz.gotoHome();
        assertFalse(ptz.presets().isEmpty());
        ptz.gotoPreset(ptz.presets().get(0).token());
        for (String operation : List.of("ContinuousMove", "Stop", "GotoHomePosition", "GetPresets", "GotoPreset")) {
            assertTrue(simulator.calls(operation) > 0, operation);
        }
        assertEquals(0, simulator.refused());
    }

    @Test
    void motionFromThePullPointBecomesADeviceEvent() throws Exception {
        OnvifCameraSimulator simulator = camera("geheim");
        Started camera = session(simulator.port(), "geheim", 5);
        camera.await(CameraStatus.ONLINE);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (simulator.calls("PullMessages") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(simulator.calls("CreatePullPointSubscription") == 1 && simulator.calls("PullMessages") > 0);
        assertTrue(camera.context().events().isEmpty(), "no event before the camera has one");
        simulator.emitMotion();
        deadline = System.nanoTime() + 5_000_000_000L;
        while (camera.context().events().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        var event = camera.context().events().get(0);
        assertEquals("motion", event.type());
        assertTrue(event.active());
        assertEquals("tns1:RuleEngine/CellMotionDetector/Motion", event.details().get("topic"));
        assertEquals("true", event.details().get("IsMotion"));
        int pulls = simulator.calls("PullMessages");
        Thread.sleep(2_500);
        assertTrue(simulator.calls("PullMessages") - pulls <= 4, "an idle camera is polled about once a second");
    }

    @Test
    void configurationIsCheckedNamingTheField() {
        assertEquals(List.of("config.host"), driver.validate(Map.of()).stream().map(p -> p.field()).toList());
        assertEquals(List.of("config.host", "config.port"), driver.validate(Map.of("host", "http://x/y",
                "port", 70000)).stream().map(p -> p.field()).toList());
        assertTrue(driver.validate(Map.of("host", "192.0.2.10", "port", "8080")).isEmpty());
    }

}
