package nl.uitkijk.itests;

import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Privacy masks in Karaf on a real RTSP camera (the CCTV clip): the masks are set by the administrator only; an
 * operator's live view over the socket (video and stills), the H.264 live view, playback and an export carry no
 * detail inside the mask (low variance, no edges) and the picture's detail elsewhere; an unmask is refused to
 * operators and without a reason, and a supervisor's is served unmasked, audited and stated in the export manifest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyIT {

    private static final String PASSWORD = "It-Privacy-Masks-2026";
    private static final String USER_PASSWORD = "It-Privacy-User-2026";
    private static final String CAMERA = "pv-huis";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USERS = Map.of("operator", "pv-op", "supervisor", "pv-sup",
            "auditor", "pv-aud", "police", "pv-pol");
    /** The left part of the picture, as a house front would be. */
    private static final String MASKS = "{\"masks\": [{\"polygon\": [[0.05, 0.1], [0.45, 0.1], [0.45, 0.9], "
            + "[0.05, 0.9]]}]}";

    private KarafInstance karaf;
    private RtspCameraSimulator simulator;
    private Path work;
    private Instant begin;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("uitkijk-privacy");
        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        karaf.start(PASSWORD);
        karaf.createUsers(USERS, USER_PASSWORD);
        simulator = RtspCameraSimulator.start(work, 1);
        karaf.addRtspCamera(CAMERA, "Huis", simulator.url(1));
        begin = Instant.now();
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private HttpResponse<byte[]> as(String role, String method, String path, String body) throws Exception {
        return karaf.send(USERS.get(role), USER_PASSWORD, method, path, body == null ? null
                : body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void masksAreSetByTheAdministratorAndReadByOperatorsAndSupervisors() throws Exception {
        for (String role : List.of("operator", "supervisor", "auditor", "police")) {
            assertEquals(403, as(role, "PUT", "/api/v1/cameras/" + CAMERA + "/privacy-masks", MASKS).statusCode(),
                    role);
        }
        HttpResponse<byte[]> bad = as("admin", "PUT", "/api/v1/cameras/" + CAMERA + "/privacy-masks",
                "{\"masks\": [{\"polygon\": [[0, 0], [2, 0], [1, 1]]}]}");
        assertEquals(400, bad.statusCode(), text(bad));
        assertTrue(text(bad).contains("masks[0].polygon[1]"), text(bad));
        HttpResponse<byte[]> set = as("admin", "PUT", "/api/v1/cameras/" + CAMERA + "/privacy-masks", MASKS);
        assertEquals(200, set.statusCode(), text(set));
        for (String role : List.of("admin", "operator", "supervisor")) {
            HttpResponse<byte[]> read = as(role, "GET", "/api/v1/cameras/" + CAMERA + "/privacy-masks", null);
            assertEquals(200, read.statusCode(), role);
            assertEquals(4, JSON.readTree(read.body()).get("masks").get(0).get("polygon").size());
        }
        for (String role : List.of("auditor", "police")) {
            assertEquals(403, as(role, "GET", "/api/v1/cameras/" + CAMERA + "/privacy-masks", null).statusCode(),
                    role);
        }
        assertTrue(karaf.get("/api/v1/audit?limit=20", true).body().contains("privacy.masks"));
        // the privacy officer's inventory says which cameras have masks
        for (JsonNode camera : JSON.readTree(as("auditor", "GET", "/api/v1/dpia", null).body()).get("cameras")) {
            assertEquals(camera.get("id").asText().equals(CAMERA) ? 1 : 0, camera.get("privacyMasks").asInt(),
                    camera.toString());
        }
    }

    @Test
    @Order(2)
    void anOperatorsLiveViewOverTheSocketIsMaskedVideoAndStills() throws Exception {
        List<ByteBuffer> video = socket("operator", "{\"camera\": \"" + CAMERA + "\"}", 5);
        Path mp4 = work.resolve("live.mp4");
        write(video, mp4);
        assertFramesMasked(mp4, null, true);
        List<ByteBuffer> stills = socket("operator", "{\"camera\": \"" + CAMERA + "\", \"format\": \"jpeg\", "
                + "\"width\": 768}", 5);
        int checked = 0;
        for (ByteBuffer still : stills) {
            byte[] jpeg = new byte[still.remaining()];
            still.get(jpeg);
            if (jpeg.length > 2 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8) {
                try (Mat picture = decode(jpeg)) {
                    assertMasked(picture, true);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 1, "stills checked: " + checked);
        HttpResponse<byte[]> unmask = as("operator", "POST", "/api/v1/live/tickets", "{\"camera\": \"" + CAMERA
                + "\", \"unmask\": true, \"reason\": \"zien\"}");
        assertEquals(403, unmask.statusCode(), "operators never unmask: " + text(unmask));
    }

    @Test
    @Order(3)
    void theH264LiveViewIsMaskedAndASupervisorUnmasksOnlyWithAReason() throws Exception {
        HttpResponse<byte[]> live = as("operator", "GET", "/api/v1/cameras/" + CAMERA + "/live?seconds=4", null);
        assertEquals(200, live.statusCode());
        Path masked = work.resolve("live.h264");
        Files.write(masked, live.body());
        assertFramesMasked(masked, "h264", true);
        assertEquals(403, as("operator", "GET", "/api/v1/cameras/" + CAMERA + "/live?seconds=2&unmask=true"
                + "&reason=kijken", null).statusCode());
        HttpResponse<byte[]> noReason = as("supervisor", "GET", "/api/v1/cameras/" + CAMERA
                + "/live?seconds=2&unmask=true", null);
        assertEquals(400, noReason.statusCode(), text(noReason));
        assertTrue(text(noReason).contains("reason"), text(noReason));
        HttpResponse<byte[]> unmasked = as("supervisor", "GET", "/api/v1/cameras/" + CAMERA
                + "/live?seconds=4&unmask=true&reason=incident%2042", null);
        assertEquals(200, unmasked.statusCode());
        Path plain = work.resolve("unmasked.h264");
        Files.write(plain, unmasked.body());
        assertFramesMasked(plain, "h264", false);
        JsonNode audit = JSON.readTree(karaf.get("/api/v1/audit?limit=50", true).body());
        boolean found = false;
        for (JsonNode entry : audit) {
            if (entry.toString().contains("privacy.unmask") && entry.toString().contains("incident 42")) {
                found = true;
            }
        }
        assertTrue(found, "the unmask is audited with its reason: " + audit);
    }

    @Test
    @Order(4)
    void playbackAndExportAreMaskedUnlessAnAllowedRoleUnmasksAndTheManifestSaysWhich() throws Exception {
        Instant from = begin.plusSeconds(2);
        KarafInstance.await(Duration.ofSeconds(30), () -> Instant.now().isAfter(from.plusSeconds(14)),
                "time passes");
        String period = "from=" + from + "&to=" + from.plusSeconds(10);
        HttpResponse<byte[]> playback = as("operator", "GET", "/api/v1/cameras/" + CAMERA + "/playback?" + period
                + "&reason=zoeken", null);
        assertEquals(200, playback.statusCode(), text(playback));
        Path played = work.resolve("playback.mp4");
        Files.write(played, playback.body());
        assertFramesMasked(played, null, true);
        assertEquals(403, as("operator", "GET", "/api/v1/cameras/" + CAMERA + "/playback?" + period
                + "&reason=zoeken&unmask=true", null).statusCode());

        HttpResponse<byte[]> export = as("supervisor", "GET", "/api/v1/cameras/" + CAMERA + "/export?" + period
                + "&reason=aangifte%201", null);
        assertEquals(200, export.statusCode(), text(export));
        Path exported = work.resolve("export.mp4");
        Files.write(exported, export.body());
        assertFramesMasked(exported, null, true);
        JsonNode manifest = manifest(export);
        assertTrue(manifest.get("masked").asBoolean() && !manifest.get("unmasked").asBoolean(), manifest.toString());
        assertEquals(Files.size(exported), manifest.get("bytes").asLong(), "the manifest is of the masked file");

        HttpResponse<byte[]> open = as("supervisor", "GET", "/api/v1/cameras/" + CAMERA + "/export?" + period
                + "&reason=aangifte%202&unmask=true", null);
        assertEquals(200, open.statusCode(), text(open));
        Path original = work.resolve("unmasked.mp4");
        Files.write(original, open.body());
        assertFramesMasked(original, null, false);
        JsonNode unmaskedManifest = manifest(open);
        assertTrue(!unmaskedManifest.get("masked").asBoolean() && unmaskedManifest.get("unmasked").asBoolean(),
                unmaskedManifest.toString());
        assertTrue(karaf.get("/api/v1/audit?limit=50", true).body().contains("aangifte 2"));
    }

    // ---- helpers

    private static JsonNode manifest(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(Base64.getDecoder().decode(response.headers().firstValue("X-Uitkijk-Manifest")
                .orElseThrow()));
    }

    /** The binary messages of a live socket for {@code seconds}. */
    private List<ByteBuffer> socket(String role, String ticketRequest, int seconds) throws Exception {
        HttpResponse<byte[]> ticket = as(role, "POST", "/api/v1/live/tickets", ticketRequest);
        assertEquals(200, ticket.statusCode(), text(ticket));
        String path = JSON.readTree(ticket.body()).get("socket").asText();
        URI uri = URI.create(karaf.socketBase() + path);
        List<ByteBuffer> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        WebSocket socket = karaf.client().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                partial.writeBytes(bytes);
                if (last) {
                    messages.add(ByteBuffer.wrap(partial.toByteArray()));
                    partial.reset();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        Thread.sleep(seconds * 1000L);
        socket.sendText("stop", true);
        assertTrue(!messages.isEmpty(), "no messages");
        return new ArrayList<>(messages);
    }

    private static void write(List<ByteBuffer> fragments, Path file) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (ByteBuffer fragment : fragments) {
            byte[] bytes = new byte[fragment.remaining()];
            fragment.duplicate().get(bytes);
            all.writeBytes(bytes);
        }
        Files.write(file, all.toByteArray());
    }

    /** Every decoded picture: masked (or, with {@code masked} false, with detail inside the mask area). */
    private static void assertFramesMasked(Path file, String format, boolean masked) throws Exception {
        int checked = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            if (format != null) {
                grabber.setFormat(format);
            }
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null && checked < 200) {
                assertMasked(converter.convert(frame), masked);
                checked++;
            }
        }
        assertTrue(checked >= 10, "pictures checked in " + file.getFileName() + ": " + checked);
    }

    private static void assertMasked(Mat picture, boolean masked) {
        int x = (int) Math.ceil(0.05 * picture.cols()) + 4;
        int y = (int) Math.ceil(0.1 * picture.rows()) + 4;
        Rect inside = new Rect(x, y, (int) (0.45 * picture.cols()) - 4 - x, (int) (0.9 * picture.rows()) - 4 - y);
        Rect outside = new Rect(picture.cols() / 2 + 10, 0, picture.cols() / 2 - 10, picture.rows());
        double sdInside = deviation(picture, inside);
        double edgesInside = edges(picture, inside);
        if (masked) {
            assertTrue(sdInside < 3 && edgesInside == 0, "masked: sd " + sdInside + ", edge pixels " + edgesInside);
        } else {
            assertTrue(sdInside > 15 && edgesInside > 100, "unmasked: sd " + sdInside + ", edges " + edgesInside);
        }
        assertTrue(deviation(picture, outside) > 15, "detail outside the mask");
    }

    private static double deviation(Mat picture, Rect area) {
        try (Mat region = new Mat(picture, area); Mat gray = new Mat(); Mat mean = new Mat(); Mat sd = new Mat()) {
            cvtColor(region, gray, COLOR_BGR2GRAY);
            meanStdDev(gray, mean, sd);
            return sd.createIndexer().getDouble(0);
        }
    }

    private static double edges(Mat picture, Rect area) {
        try (Mat region = new Mat(picture, area); Mat gray = new Mat(); Mat edges = new Mat()) {
            cvtColor(region, gray, COLOR_BGR2GRAY);
            Canny(gray, edges, 50, 150);
            return countNonZero(edges);
        }
    }

    private static Mat decode(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length,
                org.bytedeco.opencv.global.opencv_core.CV_8U, bytes)) {
            return imdecode(encoded, IMREAD_COLOR);
        }
    }
}
