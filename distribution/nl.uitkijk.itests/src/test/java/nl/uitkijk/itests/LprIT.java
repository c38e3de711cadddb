package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.uitkijk.testkit.RtspCameraSimulator;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Licence plates in Karaf: the feature installed from the console, a still read over REST by each role (and garbage
 * refused), the hotlist kept by the administrator, and a real RTSP camera (Debian's ffmpeg encodes a labelled plate
 * photo into a clip in which the vehicle comes and goes) whose passages raise a hotlist alarm with a snapshot only
 * once the designation permits licence plates, while no-hits are kept nowhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LprIT {

    private static final String PASSWORD = "It-Licence-Plates-2026";
    private static final String USER_PASSWORD = "It-Licence-User-2026";
    private static final String CAMERA = "lpr-poort";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USERS = Map.of("operator", "lpr-op", "supervisor", "lpr-sup",
            "auditor", "lpr-aud", "police", "lpr-pol");

    private KarafInstance karaf;
    private RtspCameraSimulator simulator;
    private Path work;
    private final Instant begin = Instant.now().minusSeconds(5);

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("uitkijk-lpr");
        Path photo = TestData.require("plates/openalpr_eu_test_059.jpg");
        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        karaf.start(PASSWORD);
        karaf.createUsers(USERS, USER_PASSWORD);
        assertEquals(0, karaf.shell("feature:install uitkijk-analytics-lpr").exitCode());
        // four seconds of the vehicle, three without: each loop of the clip is one passage
        Path clip = work.resolve("plate.h264");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-loop", "1", "-i",
                photo.toString(), "-filter_complex", "[0:v]scale=406:304,pad=640:360:117:28,setsar=1,fps=10,"
                        + "trim=duration=4[a];color=c=gray:s=640x360:d=3:r=10[b];[a][b]concat=n=2:v=1[v]",
                "-map", "[v]", "-c:v", "libx264", "-bf", "0", "-g", "10", "-pix_fmt", "yuv420p", "-f", "h264",
                clip.toString()).redirectErrorStream(true).start();
        assertEquals(0, ffmpeg.waitFor(), new String(ffmpeg.getInputStream().readAllBytes()));
        simulator = RtspCameraSimulator.serve(clip, 1, 10);
        karaf.addRtspCamera(CAMERA, "Poort", simulator.url(1));
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

    private Answer as(String role, String method, String path, byte[] body, String type) throws Exception {
        HttpResponse<byte[]> response = karaf.send(USERS.get(role), USER_PASSWORD, method, path, body, type);
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** The status and text of an answer. */
    private record Answer(int statusCode, String body) {
    }

    @Test
    @Order(1)
    void aStillIsReadBySupervisorsAndAdministratorsOnlyAndGarbageIsRefused() throws Exception {
        byte[] photo = Files.readAllBytes(TestData.require("plates/openalpr_eu_test_059.jpg"));
        for (String role : List.of("admin", "supervisor")) {
            Answer read = as(role, "POST", "/api/v1/lpr/read", photo, "image/jpeg");
            assertEquals(200, read.statusCode(), role + ": " + read.body());
            JsonNode best = JSON.readTree(read.body()).get("plates").get(0);
            assertEquals("BA302OZ", best.get("text").asText(), read.body());
            assertEquals("BA-302-OZ", best.get("formatted").asText());
            assertTrue(best.get("box").get("w").asInt() > 50, read.body());
            assertTrue(best.has("sidecode") && best.has("country") && best.has("confidence"));
        }
        for (String role : List.of("operator", "auditor", "police")) {
            assertEquals(403, as(role, "POST", "/api/v1/lpr/read", photo, "image/jpeg").statusCode(), role);
        }
        Answer text = as("supervisor", "POST", "/api/v1/lpr/read", "not a picture".getBytes(),
                "image/jpeg");
        assertEquals(400, text.statusCode(), text.body());
        assertTrue(text.body().contains("not a JPEG"), text.body());
        assertEquals(400, as("supervisor", "POST", "/api/v1/lpr/read", new byte[0], "image/jpeg").statusCode());
        byte[] tiny = Base64.getDecoder().decode("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////"
                + "////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAA"
                + "AAAAAAAP/aAAgBAQABPxA=");
        Answer small = as("supervisor", "POST", "/api/v1/lpr/read", tiny, "image/jpeg");
        assertEquals(400, small.statusCode(), small.body());
        assertTrue(small.body().contains("too small"), small.body());
        Answer huge = as("supervisor", "POST", "/api/v1/lpr/read", new byte[30 * 1024 * 1024],
                "image/jpeg");
        assertEquals(413, huge.statusCode(), huge.body());
        assertTrue(karaf.get("/api/v1/audit?limit=50", true).body().contains("lpr.read"), "reads are audited");
    }

    @Test
    @Order(2)
    void theHotlistIsTheAdministratorsAndReadsAreForSupervisorsAndPolice() throws Exception {
        String entry = "{\"reason\": \"Gerechtelijk bevel 2026/77\", \"validUntil\": \"" + Instant.now()
                .plus(Duration.ofDays(7)) + "\", \"priority\": \"MEDIUM\"}";
        for (String role : List.of("operator", "supervisor", "auditor", "police")) {
            assertEquals(403, as(role, "PUT", "/api/v1/lpr/hotlist/BA-302-OZ", entry.getBytes(),
                    "application/json").statusCode(), role);
        }
        Answer bad = as("admin", "PUT", "/api/v1/lpr/hotlist/BA-302-OZ",
                "{\"reason\": \"x\", \"validUntil\": \"tomorrow\"}".getBytes(), "application/json");
        assertEquals(400, bad.statusCode(), bad.body());
        Answer added = as("admin", "PUT", "/api/v1/lpr/hotlist/BA-302-OZ", entry.getBytes(),
                "application/json");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals("BA302OZ", JSON.readTree(added.body()).get("plate").asText());
        for (String role : List.of("admin", "supervisor")) {
            assertEquals(200, as(role, "GET", "/api/v1/lpr/hotlist", null, "application/json").statusCode());
        }
        for (String role : List.of("operator", "auditor", "police")) {
            assertEquals(403, as(role, "GET", "/api/v1/lpr/hotlist", null, "application/json").statusCode(), role);
        }
        for (String role : List.of("admin", "supervisor", "police")) {
            assertEquals(200, as(role, "GET", "/api/v1/lpr/reads", null, "application/json").statusCode(), role);
        }
        for (String role : List.of("operator", "auditor")) {
            assertEquals(403, as(role, "GET", "/api/v1/lpr/reads", null, "application/json").statusCode(), role);
        }
        assertTrue(karaf.get("/api/v1/audit?limit=50", true).body().contains("lpr.hotlist"));
        assertTrue(karaf.get("/api/v1/audit?limit=50", true).body().contains("lpr.search"));
        // a second entry to remove again
        assertEquals(200, as("admin", "PUT", "/api/v1/lpr/hotlist/XB1234", entry.getBytes(), "application/json")
                .statusCode());
        assertEquals(403, as("supervisor", "DELETE", "/api/v1/lpr/hotlist/XB1234", null, "application/json")
                .statusCode());
        assertEquals(204, as("admin", "DELETE", "/api/v1/lpr/hotlist/XB1234", null, "application/json")
                .statusCode());
        assertEquals(404, as("admin", "DELETE", "/api/v1/lpr/hotlist/XB1234", null, "application/json")
                .statusCode());
    }

    @Test
    @Order(3)
    void aPassageOfAPlateOnTheHotlistRaisesAnAlarmWithASnapshotOnceTheDesignationPermitsPlates() throws Exception {
        HttpResponse<String> refused = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/lpr",
                "{\"enabled\": true, \"config\": {}}");
        assertEquals(403, refused.statusCode(), "the demo designation does not permit plates: " + refused.body());
        assertTrue(refused.body().contains("LICENCE_PLATES"), refused.body());
        personalData("[\"LICENCE_PLATES\"]");
        HttpResponse<String> on = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/lpr",
                "{\"enabled\": true, \"config\": {}}");
        assertEquals(200, on.statusCode(), on.body());
        AtomicReference<JsonNode> alarm = new AtomicReference<>();
        KarafInstance.await(Duration.ofSeconds(90), () -> {
            try {
                for (JsonNode each : JSON.readTree(karaf.get("/api/v1/alarms?limit=50", true).body())) {
                    if (CAMERA.equals(each.path("cameraId").asText()) && "plate-hit".equals(each.get("type")
                            .asText())) {
                        alarm.set(each);
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }, "no hotlist alarm from the passing plate");
        assertEquals("MEDIUM", alarm.get().get("priority").asText());
        assertTrue(alarm.get().toString().contains("BA-302-OZ"), alarm.get().toString());
        AtomicReference<HttpResponse<byte[]>> snapshot = new AtomicReference<>();
        KarafInstance.await(Duration.ofSeconds(20), () -> {
            try {
                snapshot.set(karaf.download("/api/v1/alarms/" + alarm.get().get("id").asText() + "/snapshot"));
                return snapshot.get().statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, "the hit has no snapshot");
        Answer reads = as("supervisor", "GET", "/api/v1/lpr/reads?plate=ba302oz&from=" + begin, null,
                "application/json");
        JsonNode kept = JSON.readTree(reads.body());
        assertTrue(kept.size() >= 1, reads.body());
        assertTrue(kept.get(0).get("hit").asBoolean());
        assertEquals(CAMERA, kept.get(0).get("cameraId").asText());
        // the police see no reads of a camera not shared with them
        assertEquals("[]", as("police", "GET", "/api/v1/lpr/reads?from=" + begin, null, "application/json").body());
        // no-hits (default window 0) are not kept: every kept read is a hit
        for (JsonNode read : JSON.readTree(as("admin", "GET", "/api/v1/lpr/reads?from=" + begin, null,
                "application/json").body())) {
            assertTrue(read.get("hit").asBoolean(), read.toString());
        }
        // plates never appear among the stored detections
        String detections = karaf.get("/api/v1/cameras/" + CAMERA + "/detections?from=" + begin, true).body();
        assertTrue(!detections.contains("BA302OZ"), detections);
    }

    private void personalData(String categories) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode designation = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(karaf.get("/api/v1/designations/centrum-heerlen-demo", true).body());
        designation.set("personalData", JSON.readTree(categories));
        HttpResponse<String> changed = karaf.put("/api/v1/designations/centrum-heerlen-demo",
                JSON.writeValueAsString(designation));
        assertEquals(200, changed.statusCode(), changed.body());
    }
}
