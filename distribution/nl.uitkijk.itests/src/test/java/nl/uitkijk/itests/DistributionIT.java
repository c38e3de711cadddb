package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import nl.uitkijk.itests.KarafInstance.ShellResult;
import nl.uitkijk.testkit.AxisCameraSimulator;
import nl.uitkijk.testkit.Ffprobe;
import nl.uitkijk.testkit.HikvisionCameraSimulator;
import nl.uitkijk.testkit.OnvifCameraSimulator;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as shipped: the built distribution is started on a fresh data folder, then used over REST and the
 * Karaf console. Ordered, because later steps (hot swap, a restart) build on the state of earlier ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final String PASSWORD = "It-Heerlen-2026!";
    private static final List<String> DEMO_CAMERAS = List.of("demo-heerlerheide", "demo-hoensbroek",
            "demo-pancratiusplein", "demo-promenade");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KarafInstance karaf;
    private RtspCameraSimulator simulator;

    @TempDir
    Path work;

    @BeforeAll
    void start() throws Exception {
        Path home = Path.of(System.getProperty("uitkijk.karaf.home"));
        assertTrue(Files.isExecutable(home.resolve("bin/karaf")), "distribution unpacked at " + home);
        karaf = new KarafInstance(home);
        karaf.reset();
        double seconds = karaf.start(PASSWORD);
        System.out.printf("Uitkijk started: health 200 after %.1f s (http %d, ssh %d)%n", seconds, karaf.httpPort,
                karaf.sshPort);
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

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private JsonNode camera(String id) throws Exception {
        HttpResponse<String> response = karaf.get("/api/v1/cameras/" + id, true);
        return response.statusCode() == 200 ? json(response) : null;
    }

    private String status(String id) {
        try {
            JsonNode camera = camera(id);
            return camera == null ? "ABSENT" : camera.get("status").asText();
        } catch (Exception e) {
            return "ERROR " + e;
        }
    }

    private void awaitStatus(String id, String expected) throws Exception {
        try {
            KarafInstance.await(Duration.ofSeconds(90), () -> expected.equals(status(id)),
                    "camera " + id + " never became " + expected);
        } catch (AssertionError e) {
            System.err.println(karaf.diagnostics());
            throw new AssertionError(e.getMessage() + "; it is " + status(id) + " " + camera(id), e);
        }
    }

    private static List<String> fields(HttpResponse<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        json(response).get("problems").forEach(problem -> fields.add(problem.get("field").asText()));
        return fields;
    }

    private int cameraCount() throws Exception {
        return json(karaf.get("/api/v1/cameras", true)).size();
    }

    /** Why footage leaves the system: every export must say it (URL-encoded here). */
    private static final String REASON = "verzoek+politie+PL2300-2026-1";

    @Test
    @Order(1)
    void healthIsOpenAndTheRestNeedsCredentials() throws Exception {
        HttpResponse<String> health = karaf.get("/api/v1/health", false);
        assertEquals(200, health.statusCode());
        JsonNode body = json(health);
        assertEquals("UP", body.get("status").asText());
        assertFalse(body.has("components"), "without sign-in health says up or down, nothing more");
        assertEquals("UP", json(karaf.get("/api/v1/health", true)).at("/components/database/status").asText());

        HttpResponse<String> anonymous = karaf.get("/api/v1/cameras", false);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, karaf.getAs("/api/v1/cameras", "admin", "wrong").statusCode());
        assertEquals(401, karaf.getAs("/api/v1/drivers", "karaf", "karaf").statusCode(), "no default account");

        HttpResponse<String> openapi = karaf.get("/api/v1/openapi.json", false);
        assertEquals(200, openapi.statusCode());
        assertTrue(json(openapi).at("/paths").has("/cameras/{id}"));
    }

    @Test
    @Order(2)
    void theDemoCamerasComeOnline() throws Exception {
        for (String id : DEMO_CAMERAS) {
            awaitStatus(id, "ONLINE");
        }
        // out of the box: the standards drivers are there for a new user's first RTSP or ONVIF camera
        List<String> installed = json(karaf.get("/api/v1/drivers", true)).findValuesAsText("id");
        assertTrue(installed.containsAll(List.of("demo", "rtsp", "onvif")), installed.toString());
        JsonNode camera = camera("demo-pancratiusplein");
        assertEquals(50.88825, camera.at("/location/lat").asDouble(), 1e-9);
        assertEquals("h264", camera.at("/streams/0/codec").asText());
        JsonNode drivers = json(karaf.get("/api/v1/drivers", true));
        assertEquals("demo", drivers.get(0).get("id").asText());
        assertTrue(drivers.get(0).get("parameters").size() > 0, "drivers publish their config schema");
    }

    @Test
    @Order(3)
    void camerasCanBeAddedChangedAndRemovedOverRest() throws Exception {
        HttpResponse<String> created = karaf.post("/api/v1/cameras", """
                {"id": "it-markt", "name": "Markt (test)", "driver": "demo", "config": {"fps": 5},
                 "location": {"lat": 50.8879, "lon": 5.9797, "direction": 180, "address": "Markt, Heerlen"},
                 "site": "centrum", "designationId": "centrum-heerlen-demo"}
                """);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/cameras/it-markt"));
        awaitStatus("it-markt", "ONLINE");

        HttpResponse<String> changed = karaf.put("/api/v1/cameras/it-markt", """
                {"name": "Markt zuid (test)", "driver": "demo", "config": {"fps": 5},
                 "location": {"lat": 50.8878, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}
                """);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("Markt zuid (test)", camera("it-markt").get("name").asText());
        assertEquals(5, cameraCount());

        assertEquals(204, karaf.delete("/api/v1/cameras/it-markt").statusCode());
        assertEquals(404, karaf.get("/api/v1/cameras/it-markt", true).statusCode());
        assertEquals(4, cameraCount());
    }

    @Test
    @Order(4)
    void badInputIsRefusedWithTheFieldAndNothingIsWritten() throws Exception {
        String valid = "{\"id\": \"it-x\", \"name\": \"X\", \"driver\": \"demo\", \"location\": {\"lat\": 50.9, \"lon\": 5.9}}";
        HttpResponse<String> malformed = karaf.post("/api/v1/cameras", "{\"id\": \"it-x\", ");
        assertEquals(400, malformed.statusCode());

        HttpResponse<String> unknownDriver = karaf.post("/api/v1/cameras", valid.replace("\"demo\"", "\"axis\""));
        assertEquals(400, unknownDriver.statusCode());
        assertEquals(List.of("driver"), fields(unknownDriver));
        assertTrue(json(unknownDriver).get("message").asText().contains("unknown driver 'axis'"));

        HttpResponse<String> longName = karaf.post("/api/v1/cameras", valid.replace("\"X\"",
                "\"" + "x".repeat(101) + "\""));
        assertEquals(List.of("name"), fields(longName));

        HttpResponse<String> noLocation = karaf.post("/api/v1/cameras",
                "{\"id\": \"it-x\", \"name\": \"X\", \"driver\": \"demo\"}");
        assertEquals(List.of("location"), fields(noLocation));

        HttpResponse<String> wrongType = karaf.post("/api/v1/cameras", valid.replace("50.9", "\"noord\""));
        assertEquals(400, wrongType.statusCode());
        assertEquals(List.of("location.lat"), fields(wrongType));

        HttpResponse<String> badConfig = karaf.post("/api/v1/cameras", valid.replace("\"location\"",
                "\"config\": {\"width\": 641}, \"location\""));
        assertEquals(List.of("config.width"), fields(badConfig));

        HttpResponse<String> duplicate = karaf.post("/api/v1/cameras", valid.replace("it-x", "demo-promenade"));
        assertEquals(409, duplicate.statusCode());
        assertEquals(List.of("id"), fields(duplicate));
        assertEquals("Promenade (demo)", camera("demo-promenade").get("name").asText(), "not overwritten");

        assertEquals(404, karaf.put("/api/v1/cameras/it-nope", valid).statusCode());
        assertEquals(404, karaf.delete("/api/v1/cameras/it-nope").statusCode());
        assertEquals(4, cameraCount(), "nothing was written");
    }

    @Test
    @Order(5)
    void theShellManagesCamerasWithTheSameMessages() throws Exception {
        ShellResult list = karaf.shell("vms:camera-list");
        assertEquals(0, list.exitCode(), list.output());
        for (String id : DEMO_CAMERAS) {
            assertTrue(list.output().contains(id), list.output());
        }
        assertTrue(karaf.shell("vms:driver-list").output().contains("Demo camera"));

        ShellResult added = karaf.shell("vms:camera-add --lat 50.9225 --lon 5.9266 --site hoensbroek "
                + "--designation hoensbroek-markt-demo -c fps=5 it-shell \"Kasteel Hoensbroek\" demo");
        assertEquals(0, added.exitCode(), added.output());
        awaitStatus("it-shell", "ONLINE");
        ShellResult info = karaf.shell("vms:camera-info it-shell");
        assertTrue(info.output().contains("Kasteel Hoensbroek") && info.output().contains("ONLINE"), info.output());

        ShellResult refused = karaf.shell("vms:camera-add --lat 50.9 --lon 5.9 it-shell2 \"" + "y".repeat(101)
                + "\" axis");
        assertTrue(refused.exitCode() != 0, refused.output());
        assertTrue(refused.output().contains("name: is 101 characters; at most 100")
                && refused.output().contains("driver: unknown driver 'axis'"), refused.output());
        assertEquals("ABSENT", status("it-shell2"));

        assertEquals(0, karaf.shell("vms:camera-remove it-shell").exitCode());
        assertEquals("ABSENT", status("it-shell"));
    }

    @Test
    @Order(6)
    void aDriverFeatureIsSwappedAtRuntimeWithoutRestartingTheCore() throws Exception {
        long coreId = bundleId("nl.uitkijk.core");
        ShellResult uninstall = karaf.shell("feature:uninstall uitkijk-driver-demo");
        assertEquals(0, uninstall.exitCode(), uninstall.output());
        for (String id : DEMO_CAMERAS) {
            awaitStatus(id, "DRIVER_MISSING");
        }
        assertEquals("driver 'demo' is not installed", camera("demo-promenade").get("statusDetail").asText());

        ShellResult install = karaf.shell("feature:install uitkijk-driver-demo");
        assertEquals(0, install.exitCode(), install.output());
        for (String id : DEMO_CAMERAS) {
            awaitStatus(id, "ONLINE");
        }
        assertEquals(coreId, bundleId("nl.uitkijk.core"), "the core bundle was never reinstalled");
        String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertEquals(1, Pattern.compile("Camera registry active").matcher(log).results().count(),
                "the registry was activated once: never restarted");
    }

    @Test
    @Order(7)
    void anRtspCameraIsAddedAfterInstallingItsDriverOffline() throws Exception {
        ShellResult install = karaf.shell("feature:install uitkijk-driver-rtsp");
        assertEquals(0, install.exitCode(), install.output());
        KarafInstance.await(Duration.ofSeconds(60), () -> {
            try {
                return json(karaf.get("/api/v1/drivers", true)).findValuesAsText("id").contains("rtsp");
            } catch (Exception e) {
                return false;
            }
        }, "the rtsp driver did not appear");

        HttpResponse<String> badUrl = karaf.post("/api/v1/cameras", """
                {"id": "it-rtsp", "name": "RTSP", "driver": "rtsp", "config": {"url": "http://127.0.0.1/x"},
                 "location": {"lat": 50.8879, "lon": 5.9797},
                     "designationId": "centrum-heerlen-demo"}""");
        assertEquals(List.of("config.url"), fields(badUrl));

        simulator = RtspCameraSimulator.start(work, 1);
        {
            HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                    {"id": "it-rtsp", "name": "RTSP", "driver": "rtsp",
                     "config": {"url": "%s", "username": "operator", "password": "geheim"},
                     "location": {"lat": 50.8879, "lon": 5.9797},
                     "designationId": "centrum-heerlen-demo"}""".formatted(simulator.url(1)));
            assertEquals(201, added.statusCode(), added.body());
            assertFalse(added.body().contains("geheim"), "secrets are never sent back");
            awaitStatus("it-rtsp", "ONLINE");
            JsonNode camera = camera("it-rtsp");
            assertEquals(768, camera.at("/streams/0/width").asInt());
            assertEquals("h264", camera.at("/streams/0/codec").asText());
            assertEquals("******", camera.at("/config/password").asText());

            recordsThirtySecondsAndExportsThemAsTheCameraSentThem();
        }
    }

    @Test
    @Order(8)
    void aCameraOutageIsAGapWithItsReasonAndRecordingResumesWithinSeconds() throws Exception {
        int port = simulator.port();
        simulator.close();
        Instant down = Instant.now();
        Thread.sleep(10_000);
        simulator = RtspCameraSimulator.start(work, 1, port);
        Instant back = Instant.now();
        KarafInstance.await(Duration.ofSeconds(30), () -> lastRangeEnd("it-rtsp", down).isAfter(back.plusSeconds(3)),
                "recording did not resume: " + timeline("it-rtsp", down));
        JsonNode timeline = timeline("it-rtsp", down);
        JsonNode ranges = timeline.get("ranges");
        Instant resumed = Instant.parse(ranges.get(ranges.size() - 1).get("start").asText());
        double after = Duration.between(back, resumed).toMillis() / 1000.0;
        assertTrue(after <= 5, "recording resumed " + after + " s after the camera was back");
        JsonNode gap = timeline.at("/gaps/0");
        assertFalse(gap.isMissingNode(), "the outage is an explicit gap: " + timeline);
        double seconds = Duration.between(Instant.parse(gap.get("start").asText()),
                Instant.parse(gap.get("end").asText())).toMillis() / 1000.0;
        assertTrue(seconds >= 8 && seconds <= 16, "a gap of about ten seconds: " + seconds);
        assertFalse(gap.get("reason").asText().isBlank(), gap.toString());
    }

    @Test
    @Order(9)
    void aCameraThatAnswersGarbageIsOfflineAndTheOthersKeepRecording() throws Exception {
        try (GarbageServer garbage = new GarbageServer()) {
            HttpResponse<String> added = karaf.post("/api/v1/cameras", "{\"id\": \"it-garbage\", \"name\": \"Kapot\","
                    + " \"driver\": \"rtsp\", \"config\": {\"url\": \"rtsp://127.0.0.1:" + garbage.port()
                    + "/cam1\", \"timeoutSeconds\": 3}, \"location\": {\"lat\": 50.8879, \"lon\": 5.9797}, "
                    + "\"designationId\": \"centrum-heerlen-demo\"}");
            assertEquals(201, added.statusCode(), added.body());
            awaitStatus("it-garbage", "OFFLINE");
            assertFalse(camera("it-garbage").get("statusDetail").asText().isBlank());
            Instant now = Instant.now();
            KarafInstance.await(Duration.ofSeconds(20), () -> lastRangeEnd("it-rtsp", now.minusSeconds(60))
                    .isAfter(now.plusSeconds(5)), "the healthy camera stopped recording");
            assertEquals(204, karaf.delete("/api/v1/cameras/it-garbage").statusCode());
        }
    }

    @Test
    @Order(10)
    void eventModeRecordsAroundAnEventOnly() throws Exception {
        HttpResponse<String> set = karaf.put("/api/v1/cameras/demo-hoensbroek/recording",
                "{\"mode\": \"EVENT\", \"preEventSeconds\": 4, \"postEventSeconds\": 4}");
        assertEquals(200, set.statusCode(), set.body());
        HttpResponse<String> wrong = karaf.put("/api/v1/cameras/demo-hoensbroek/recording",
                "{\"mode\": \"SOMETIMES\"}");
        assertEquals(List.of("mode"), fields(wrong));
        Thread.sleep(8_000); // the recorder follows the policy within seconds; the running segment ends
        Instant quietFrom = Instant.now();
        Thread.sleep(6_000);
        assertEquals(0.0, recordedSeconds("demo-hoensbroek", quietFrom), "nothing recorded without an event");
        Instant event = Instant.now();
        assertEquals(0, karaf.shell("vms:camera-trigger demo-hoensbroek alarm").exitCode());
        KarafInstance.await(Duration.ofSeconds(30), () -> recordedSeconds("demo-hoensbroek", quietFrom) >= 6,
                "the event was not recorded: " + timeline("demo-hoensbroek", quietFrom));
        Instant start = Instant.parse(timeline("demo-hoensbroek", quietFrom).at("/ranges/0/start").asText());
        assertTrue(start.isBefore(event.minusSeconds(1)), "the pre-event buffer was kept: " + start + " / " + event);
    }

    @Test
    @Order(11)
    void afterAKillRecordingResumesAndIndexAndFilesAgree() throws Exception {
        Instant before = Instant.now().minusSeconds(120);
        int port = simulator.port();
        karaf.kill();
        Instant killed = Instant.now();
        // A power cut takes the site's camera down too: GStreamer's test server answers 503 to new clients after
        // its only client vanished without TEARDOWN, which Uitkijk shows as OFFLINE; restart it as a camera would.
        simulator.close();
        simulator = RtspCameraSimulator.start(work, 1, port);
        karaf.start(PASSWORD);
        Instant restarted = Instant.now();
        try {
            KarafInstance.await(Duration.ofSeconds(60), () -> lastRangeEnd("it-rtsp", before)
                    .isAfter(restarted.plusSeconds(5)), "recording did not resume after the restart");
        } catch (AssertionError e) {
            String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
            throw new AssertionError(e.getMessage() + "; camera: " + camera("it-rtsp") + "; stats: "
                    + karaf.get("/api/v1/cameras/it-rtsp/stats", true).body() + "; timeline: "
                    + timeline("it-rtsp", before) + "; log tail: " + log.substring(Math.max(0, log.length() - 6000)));
        }
        // Segments are named by their start in microseconds; unfinished ones from before the kill must be gone.
        long killedAt = killed.getEpochSecond() * 1_000_000L;
        try (var files = Files.walk(karaf.home.resolve("data/uitkijk/recordings"))) {
            assertTrue(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".mp4.part"))
                    .noneMatch(name -> Long.parseLong(name.substring(0, name.indexOf('.'))) < killedAt),
                    "unfinished segments from before the kill were cleaned up");
        }
        // Every indexed segment of the period is readable: the export reads them all.
        JsonNode timeline = timeline("it-rtsp", before);
        Instant from = Instant.parse(timeline.at("/ranges/0/start").asText());
        HttpResponse<byte[]> export = karaf.download("/api/v1/cameras/it-rtsp/export?from=" + from + "&to="
                + Instant.now() + "&reason=" + REASON);
        assertEquals(200, export.statusCode());
        Path file = work.resolve("after-kill.mp4");
        Files.write(file, export.body());
        assertEquals("", Ffprobe.of(file).errors());
        assertEquals(204, karaf.delete("/api/v1/cameras/it-rtsp").statusCode());
    }

    @Test
    @Order(12)
    void theAuditTrailHoldsChangesAndExportsAndVerifies() throws Exception {
        // Retention beyond the law is refused with the field; within it, it is set and recorded.
        HttpResponse<String> tooLong = karaf.put("/api/v1/cameras/demo-promenade/retention", "{\"maxAgeDays\": 29}");
        assertEquals(400, tooLong.statusCode());
        assertEquals(List.of("maxAgeDays"), fields(tooLong));
        assertEquals(200, karaf.put("/api/v1/cameras/demo-promenade/retention", "{\"maxAgeDays\": 14}")
                .statusCode());
        assertEquals(14, json(karaf.get("/api/v1/cameras/demo-promenade/retention", true)).get("maxAgeDays").asInt());
        JsonNode verification = json(karaf.get("/api/v1/audit/verify", true));
        assertTrue(verification.get("valid").asBoolean(), verification.toString());
        assertTrue(verification.get("entries").asInt() > 0);
        JsonNode entries = json(karaf.get("/api/v1/audit?actor=admin&limit=1000", true));
        List<String> seen = new ArrayList<>();
        entries.forEach(e -> seen.add(e.get("action").asText() + " " + e.get("subject").asText() + " "
                + e.get("origin").asText() + " " + e.get("reason").asText()));
        assertTrue(seen.contains("camera.add it-rtsp REST 127.0.0.1 "), seen.toString());
        assertTrue(seen.contains("camera.remove it-rtsp REST 127.0.0.1 "), seen.toString());
        assertTrue(seen.contains("export it-rtsp REST 127.0.0.1 " + REASON.replace('+', ' ')), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("camera.add it-shell console")), seen.toString());
        assertTrue(seen.contains("retention.change demo-promenade REST 127.0.0.1 "), seen.toString());
        assertTrue(seen.contains("sign-in  REST 127.0.0.1 "), "a sign-in over REST is recorded: " + seen);
        assertTrue(seen.contains("sign-in.refused  REST 127.0.0.1 "), "with the address, also when refused: " + seen);
        assertTrue(karaf.shell("vms:audit-verify").output().contains("intact"));
        assertEquals(401, karaf.get("/api/v1/audit", false).statusCode());
    }

    @Test
    @Order(13)
    void designationsAreRegisteredWithTheirAreaAndBadOnesRefusedNamingTheField() throws Exception {
        String ring = "[[5.977, 50.887], [5.983, 50.887], [5.983, 50.890], [5.977, 50.890], [5.977, 50.887]]";
        String designation = "{\"name\": \"Centrum Heerlen\", \"decisionReference\": \"2026/151c-04\", "
                + "\"decisionDate\": \"2026-10-15\", \"purpose\": \"Handhaving openbare orde\", "
                + "\"area\": {\"type\": \"Polygon\", \"coordinates\": [RING]}, "
                + "\"validFrom\": \"2026-11-01T00:00:00Z\", \"validUntil\": \"UNTIL\", "
                + "\"liveViewWindows\": [{\"days\": [\"FRIDAY\", \"SATURDAY\"], \"from\": \"22:00\", "
                + "\"until\": \"05:00\"}], \"signage\": [{\"lat\": 50.8871, \"lon\": 5.979, "
                + "\"description\": \"Pancratiusplein\"}]}";
        int before = json(karaf.get("/api/v1/designations", true)).size();
        HttpResponse<String> added = karaf.post("/api/v1/designations", designation.replace("RING", ring)
                .replace("UNTIL", "2027-11-01T00:00:00Z"));
        assertEquals(201, added.statusCode(), added.body());
        JsonNode stored = json(added);
        assertEquals("centrum-heerlen", stored.get("id").asText());
        assertEquals("Polygon", stored.at("/area/type").asText());
        assertTrue(stored.at("/liveViewWindows/0/from").asText().startsWith("22:00"), stored.toString());
        assertEquals(200, karaf.get("/api/v1/designations/centrum-heerlen", true).statusCode());

        String bowTie = "[[5.977, 50.887], [5.983, 50.890], [5.983, 50.887], [5.977, 50.890], [5.977, 50.887]]";
        HttpResponse<String> crossing = karaf.post("/api/v1/designations", designation.replace("RING", bowTie)
                .replace("UNTIL", "2027-11-01T00:00:00Z"));
        assertEquals(400, crossing.statusCode());
        assertEquals(List.of("area"), fields(crossing));
        String open = "[[5.977, 50.887], [5.983, 50.887], [5.983, 50.890], [5.977, 50.890]]";
        assertEquals(List.of("area"), fields(karaf.post("/api/v1/designations", designation.replace("RING", open)
                .replace("UNTIL", "2027-11-01T00:00:00Z"))));
        assertEquals(List.of("validUntil"), fields(karaf.post("/api/v1/designations", designation
                .replace("RING", ring).replace("UNTIL", "2026-10-01T00:00:00Z"))));
        assertEquals(before + 1, json(karaf.get("/api/v1/designations", true)).size(), "nothing refused was stored");
        assertTrue(karaf.shell("vms:designation-list").output().contains("centrum-heerlen"));

        assertEquals(204, karaf.delete("/api/v1/designations/centrum-heerlen").statusCode());
        assertEquals(404, karaf.get("/api/v1/designations/centrum-heerlen", true).statusCode());
        List<String> actions = new ArrayList<>();
        json(karaf.get("/api/v1/audit?actor=admin&limit=20", true)).forEach(e -> actions.add(e.get("action")
                .asText() + " " + e.get("subject").asText()));
        assertTrue(actions.containsAll(List.of("designation.add centrum-heerlen",
                "designation.withdraw centrum-heerlen")), actions.toString());
        assertTrue(json(karaf.get("/api/v1/audit/verify", true)).get("valid").asBoolean());
    }

    @Test
    @Order(14)
    void aCameraWithoutLegalBasisDoesNotRecordAndLiveViewAndExportAreRefused() throws Exception {
        String ring = "[[5.977, 50.887], [5.983, 50.887], [5.983, 50.890], [5.977, 50.890], [5.977, 50.887]]";
        String designation = "{\"name\": \"NAME\", \"decisionReference\": \"2026/151c-09\", "
                + "\"purpose\": \"Handhaving openbare orde\", "
                + "\"area\": {\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}, "
                + "\"validFrom\": \"FROM\", \"validUntil\": \"UNTIL\"}";
        Instant now = Instant.now();
        HttpResponse<String> ended = karaf.post("/api/v1/designations", designation.replace("NAME", "Kermis")
                .replace("FROM", now.minus(Duration.ofDays(30)).toString())
                .replace("UNTIL", now.minus(Duration.ofDays(1)).toString()));
        assertEquals(201, ended.statusCode(), ended.body());

        // Bound to a designation whose area does not hold it: refused, naming the field.
        HttpResponse<String> outside = karaf.post("/api/v1/cameras", """
                {"id": "it-legal", "name": "Kermis", "driver": "demo", "location": {"lat": 50.923, "lon": 5.9268},
                 "designationId": "kermis"}""");
        assertEquals(400, outside.statusCode());
        assertEquals(List.of("location"), fields(outside));

        // A designation that ended yesterday: the camera is stored but stopped, live view and export refused.
        HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                {"id": "it-legal", "name": "Kermis", "driver": "demo", "location": {"lat": 50.888, "lon": 5.980},
                 "designationId": "kermis"}""");
        assertEquals(201, added.statusCode(), added.body());
        awaitStatus("it-legal", "NOT_PERMITTED");
        JsonNode camera = camera("it-legal");
        assertFalse(camera.at("/legal/permitted").asBoolean(), camera.toString());
        assertTrue(camera.at("/legal/reason").asText().contains("ended on"), camera.toString());
        assertEquals(camera.at("/legal/reason").asText(), camera.get("statusDetail").asText());
        HttpResponse<String> live = karaf.get("/api/v1/cameras/it-legal/live", true);
        assertEquals(403, live.statusCode());
        assertTrue(json(live).get("message").asText().contains("ended on"), live.body());
        HttpResponse<String> export = karaf.get("/api/v1/cameras/it-legal/export?from=" + now.minusSeconds(60)
                + "&to=" + now + "&reason=test", true);
        assertEquals(403, export.statusCode(), export.body());
        Thread.sleep(6_000);
        assertEquals(0.0, recordedSeconds("it-legal", now.minusSeconds(5)), "a camera without basis records nothing");

        // The legal camera next to it streams live (Annex B, SPS first); start and stop are audited.
        assertTrue(camera("demo-pancratiusplein").at("/legal/permitted").asBoolean());
        HttpResponse<byte[]> stream = karaf.download("/api/v1/cameras/demo-pancratiusplein/live?seconds=3"
                + "&reason=IT");
        assertEquals(200, stream.statusCode());
        byte[] h264 = stream.body();
        assertTrue(h264.length > 1000, "video arrived: " + h264.length + " bytes");
        assertEquals(0, h264[0]);
        assertEquals(0, h264[1]);
        assertTrue((h264[h264[2] == 1 ? 3 : 4] & 0x1f) == 7, "the stream starts with the SPS");
        Path file = work.resolve("live.h264");
        Files.write(file, h264);
        int frames = Ffprobe.decodedFrames(file);
        assertTrue(frames >= 5, "ffprobe decodes the live stream: " + frames + " frames");

        // Withdrawing the designation of a running camera stops it at once.
        HttpResponse<String> valid = karaf.post("/api/v1/designations", designation.replace("NAME", "Markt")
                .replace("FROM", now.minus(Duration.ofDays(1)).toString())
                .replace("UNTIL", now.plus(Duration.ofDays(100)).toString()));
        assertEquals(201, valid.statusCode(), valid.body());
        assertEquals(200, karaf.put("/api/v1/cameras/it-legal", """
                {"name": "Kermis", "driver": "demo", "location": {"lat": 50.888, "lon": 5.980},
                 "designationId": "markt"}""").statusCode());
        awaitStatus("it-legal", "ONLINE");
        assertEquals(204, karaf.delete("/api/v1/designations/markt").statusCode());
        awaitStatus("it-legal", "NOT_PERMITTED");
        assertTrue(camera("it-legal").get("statusDetail").asText().contains("withdrawn"));

        // A mobile camera starts and stops by itself with its deployment.
        HttpResponse<String> mobile = karaf.post("/api/v1/cameras", """
                {"id": "it-mobiel", "name": "Mobiel 1", "driver": "demo", "location": {"lat": 50.888, "lon": 5.98}}""");
        assertEquals(201, mobile.statusCode(), mobile.body());
        awaitStatus("it-mobiel", "NOT_PERMITTED");
        Instant from = Instant.now().plusSeconds(3);
        HttpResponse<String> deployed = karaf.post("/api/v1/deployments", """
                {"cameraId": "it-mobiel", "designationId": "centrum-heerlen-demo", "name": "Kermis Pancratiusplein",
                 "location": {"lat": 50.8882, "lon": 5.9801, "direction": 90}, "from": "%s", "until": "%s"}"""
                .formatted(from, from.plusSeconds(12)));
        assertEquals(201, deployed.statusCode(), deployed.body());
        assertEquals(List.of("location"), fields(karaf.post("/api/v1/deployments", """
                {"cameraId": "it-mobiel", "designationId": "centrum-heerlen-demo", "name": "Elders",
                 "location": {"lat": 50.923, "lon": 5.9268}, "from": "%s", "until": "%s"}"""
                .formatted(from.plusSeconds(60), from.plusSeconds(90)))));
        awaitStatus("it-mobiel", "ONLINE");
        assertTrue(camera("it-mobiel").at("/legal/reason").asText().contains("Kermis Pancratiusplein"));
        assertTrue(karaf.shell("vms:deployment-list").output().contains("deployed"));
        awaitStatus("it-mobiel", "NOT_PERMITTED");

        List<String> actions = new ArrayList<>();
        json(karaf.get("/api/v1/audit?limit=50", true)).forEach(e -> actions.add(e.get("action").asText() + " "
                + e.get("subject").asText() + " " + e.get("origin").asText()));
        assertTrue(actions.containsAll(List.of("legal.refusal it-legal REST 127.0.0.1",
                "live.start demo-pancratiusplein REST 127.0.0.1", "live.stop demo-pancratiusplein REST 127.0.0.1",
                "designation.withdraw markt REST 127.0.0.1", "deployment.add it-mobiel REST 127.0.0.1")),
                actions.toString());
        assertEquals(204, karaf.delete("/api/v1/cameras/it-legal").statusCode());
        assertEquals(204, karaf.delete("/api/v1/cameras/it-mobiel").statusCode());
    }

    @Test
    @Order(15)
    void thePublicPagesShowAreasAndCamerasWithoutSignInAndNeverAStreamAddressOrSecret() throws Exception {
        // A camera of its own: GStreamer's test server may answer 503 for a while after the clients of the kill test.
        Path folder = Files.createDirectories(work.resolve("public-camera"));
        try (RtspCameraSimulator publicCamera = RtspCameraSimulator.start(folder, 1)) {
            publicPagesOf(publicCamera);
        }
    }

    private void publicPagesOf(RtspCameraSimulator publicCamera) throws Exception {
        HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                {"id": "it-public-internal", "name": "Publiek Markt", "driver": "rtsp",
                 "config": {"url": "%s", "username": "operator", "password": "geheim"},
                 "location": {"lat": 50.8879, "lon": 5.9797, "address": "Markt 1, Heerlen"},
                 "designationId": "centrum-heerlen-demo"}""".formatted(publicCamera.url(1)));
        assertEquals(201, added.statusCode(), added.body());
        awaitStatus("it-public-internal", "ONLINE");
        Thread.sleep(11_000); // the public register is rebuilt at most every ten seconds

        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String path : List.of("/public/", "/public/?lang=en", "/public/cameras.geojson", "/public/cameras.csv",
                "/public/designations.geojson", "/public/map.js", "/public/style.css")) {
            HttpResponse<String> answer = karaf.get(path, false);
            assertEquals(200, answer.statusCode(), path + " is open to everyone");
            answers.put(path, answer);
        }
        for (var answer : answers.entrySet()) {
            String body = answer.getValue().body();
            for (String secret : List.of("rtsp://", "geheim", "password", "token", "it-public-internal",
                    "demo-pancratiusplein", "designationId")) {
                assertFalse(body.toLowerCase(java.util.Locale.ROOT).contains(secret), secret + " in " + answer.getKey());
            }
            assertTrue(answer.getValue().headers().firstValue("Content-Security-Policy").isPresent());
        }
        String page = answers.get("/public/").body();
        assertTrue(page.contains("<html lang=\"nl\">") && page.contains("Publiek Markt")
                && page.contains("Centrum Heerlen (demo)") && page.contains("<svg"), page);
        assertTrue(answers.get("/public/?lang=en").body().contains("Camera surveillance in public space"));
        JsonNode cameras = JSON.readTree(answers.get("/public/cameras.geojson").body());
        assertEquals("FeatureCollection", cameras.get("type").asText());
        assertTrue(cameras.findValuesAsText("name").containsAll(List.of("Publiek Markt", "Pancratiusplein (demo)")));
        assertEquals("768x576 (0.4 MP)", StreamSupport.stream(cameras.get("features").spliterator(), false)
                .filter(f -> f.at("/properties/name").asText().equals("Publiek Markt")).findFirst().orElseThrow()
                .at("/properties/imageQuality").asText());
        String csv = answers.get("/public/cameras.csv").body();
        assertTrue(csv.startsWith("name,address,latitude,longitude,direction_degrees,type,owner,contact,"
                + "retention_days,image_quality"), csv);
        assertEquals(3, JSON.readTree(answers.get("/public/designations.geojson").body()).get("features").size());
        assertEquals(405, karaf.post("/public/", "{}").statusCode());

        // The privacy officer's DPIA inventory: from the running system, without secrets.
        HttpResponse<String> dpia = karaf.get("/api/v1/dpia", true);
        assertEquals(200, dpia.statusCode(), dpia.body());
        assertFalse(dpia.body().contains("geheim") || dpia.body().contains("rtsp://"), dpia.body());
        JsonNode inventory = json(dpia);
        JsonNode pancratius = StreamSupport.stream(inventory.get("cameras").spliterator(), false)
                .filter(c -> c.get("id").asText().equals("demo-pancratiusplein")).findFirst().orElseThrow();
        assertTrue(pancratius.get("permitted").asBoolean());
        assertEquals("centrum-heerlen-demo", pancratius.get("designationId").asText());
        assertEquals(28, inventory.at("/retention/legalMaximumDays").asInt());
        assertTrue(inventory.get("roles").size() >= 3 && inventory.get("designations").size() >= 3);
        HttpResponse<String> document = karaf.get("/api/v1/dpia?format=html", true);
        assertTrue(document.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(document.body().contains("DPIA inventory") && document.body().contains("Publiek Markt"));
        int traversal = karaf.get("/public/../../etc/users.properties", false).statusCode();
        assertTrue(traversal == 400 || traversal == 404, "path traversal answered " + traversal);
        assertEquals(204, karaf.delete("/api/v1/cameras/it-public-internal").statusCode());
    }

    @Test
    @Order(16)
    void anOnvifCameraIsFoundOutByItsServicesRecordsAndPans() throws Exception {
        ShellResult install = karaf.shell("feature:install uitkijk-driver-onvif");
        assertEquals(0, install.exitCode(), install.output());
        KarafInstance.await(Duration.ofSeconds(60), () -> {
            try {
                return json(karaf.get("/api/v1/drivers", true)).findValuesAsText("id").contains("onvif");
            } catch (Exception e) {
                return false;
            }
        }, "the onvif driver did not appear");
        Path folder = Files.createDirectories(work.resolve("onvif-camera"));
        try (RtspCameraSimulator stream = RtspCameraSimulator.start(folder, 1);
                OnvifCameraSimulator onvif = OnvifCameraSimulator.start("uitkijk", "geheim", stream.url(1))) {
            // Found by WS-Discovery (the probe goes to the simulator instead of the multicast group), then approved.
            ShellResult target = karaf.shell("config:property-set -p nl.uitkijk.driver.onvif.discovery probeTarget "
                    + "127.0.0.1:" + onvif.discoveryPort());
            assertEquals(0, target.exitCode(), target.output());
            Thread.sleep(2_000); // the discovery component takes its new target
            JsonNode inbox = json(karaf.post("/api/v1/discovery/scan?seconds=2", ""));
            assertEquals(1, inbox.size(), inbox.toString());
            assertEquals("http://127.0.0.1:" + onvif.port() + "/onvif/device_service",
                    inbox.at("/0/camera/address").asText());
            assertTrue(camerasNamed("it-onvif").isEmpty(), "nothing is added without approval");
            assertTrue(karaf.shell("vms:discovery-list").output().contains(inbox.at("/0/id").asText()));
            Instant from = Instant.now();
            HttpResponse<String> added = karaf.post("/api/v1/discovery/" + inbox.at("/0/id").asText() + "/approve", """
                    {"id": "it-onvif", "name": "ONVIF Markt", "config": {"username": "uitkijk", "password": "geheim"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}""");
            assertEquals(201, added.statusCode(), added.body());
            assertEquals(0, json(karaf.get("/api/v1/discovery", true)).size(), "approved: out of the inbox");
            awaitStatus("it-onvif", "ONLINE");
            JsonNode camera = camera("it-onvif");
            assertEquals("Mockup Manufacturer", camera.at("/device/manufacturer").asText());
            assertEquals("main", camera.at("/streams/0/name").asText());
            assertEquals(stream.url(1), camera.at("/streams/0/uri").asText());
            assertTrue(camera.get("statusDetail").asText().contains("PTZ"), camera.toString());
            KarafInstance.await(Duration.ofSeconds(40), () -> recordedSeconds("it-onvif", from) >= 5,
                    "the ONVIF camera's stream was not recorded: " + timeline("it-onvif", from));

            assertEquals(204, karaf.post("/api/v1/cameras/it-onvif/ptz",
                    "{\"action\": \"move\", \"pan\": 0.5, \"tilt\": 0, \"zoom\": 0}").statusCode());
            assertEquals(204, karaf.post("/api/v1/cameras/it-onvif/ptz", "{\"action\": \"stop\"}").statusCode());
            assertEquals(List.of("action"), fields(karaf.post("/api/v1/cameras/it-onvif/ptz",
                    "{\"action\": \"spin\"}")));
            assertTrue(json(karaf.get("/api/v1/cameras/it-onvif/ptz/presets", true)).size() > 0);
            assertTrue(onvif.calls("ContinuousMove") == 1 && onvif.calls("Stop") == 1);
            assertEquals(409, karaf.post("/api/v1/cameras/demo-promenade/ptz", "{\"action\": \"home\"}")
                    .statusCode(), "a camera without PTZ says so");
            assertTrue(karaf.shell("vms:ptz it-onvif home").output().contains("Sent home"));
            assertTrue(onvif.calls("GotoHomePosition") == 1);

            HttpResponse<String> wrong = karaf.post("/api/v1/cameras", """
                    {"id": "it-onvif-wrong", "name": "ONVIF fout", "driver": "onvif",
                     "config": {"host": "127.0.0.1", "port": %d, "username": "uitkijk", "password": "fout"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                    .formatted(onvif.port()));
            assertEquals(201, wrong.statusCode());
            awaitStatus("it-onvif-wrong", "OFFLINE");
            assertTrue(camera("it-onvif-wrong").get("statusDetail").asText().startsWith("authentication failed"));
            List<String> actions = new ArrayList<>();
            json(karaf.get("/api/v1/audit?limit=30", true)).forEach(e -> actions.add(e.get("action").asText() + " "
                    + e.get("subject").asText() + " " + e.get("detail").asText()));
            assertTrue(actions.contains("ptz it-onvif move 0.5,0.0,0.0") && actions.contains("ptz it-onvif home"),
                    actions.toString());
            assertEquals(204, karaf.delete("/api/v1/cameras/it-onvif").statusCode());
            assertEquals(204, karaf.delete("/api/v1/cameras/it-onvif-wrong").statusCode());
        }
    }

    @Test
    @Order(17)
    void axisAndHikvisionCamerasComeOnlineWithTheirEventStreamsAfterInstallingTheirDrivers() throws Exception {
        for (String feature : List.of("uitkijk-driver-axis", "uitkijk-driver-hikvision")) {
            ShellResult install = karaf.shell("feature:install " + feature);
            assertEquals(0, install.exitCode(), install.output());
        }
        KarafInstance.await(Duration.ofSeconds(60), () -> {
            try {
                List<String> drivers = json(karaf.get("/api/v1/drivers", true)).findValuesAsText("id");
                return drivers.contains("axis") && drivers.contains("hikvision");
            } catch (Exception e) {
                return false;
            }
        }, "the axis and hikvision drivers did not appear");
        try (AxisCameraSimulator axis = AxisCameraSimulator.start("root", "Heerlen-2026");
                HikvisionCameraSimulator hikvision = HikvisionCameraSimulator.start("admin", "Heerlen-2026")) {
            for (var camera : List.of(List.of("it-axis", "axis", "root", axis.port()),
                    List.of("it-hikvision", "hikvision", "admin", hikvision.port()))) {
                HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                        {"id": "%s", "name": "%s", "driver": "%s",
                         "config": {"host": "127.0.0.1", "port": %d, "username": "%s", "password": "Heerlen-2026"},
                         "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                        .formatted(camera.get(0), camera.get(0), camera.get(1), camera.get(3), camera.get(2)));
                assertEquals(201, added.statusCode(), added.body());
            }
            awaitStatus("it-axis", "ONLINE");
            awaitStatus("it-hikvision", "ONLINE");
            assertEquals("Q6075-E", camera("it-axis").at("/device/model").asText());
            assertEquals("DS-2DE4425IW-DE", camera("it-hikvision").at("/device/model").asText());
            assertEquals("rtsp://127.0.0.1/Streaming/Channels/101", camera("it-hikvision").at("/streams/0/uri").asText());
            // The event streams are opened inside Karaf: the WebSocket (Axis) and the multipart alert stream.
            KarafInstance.await(Duration.ofSeconds(20), () -> axis.openEventStreams() == 1
                    && hikvision.openAlertStreams() == 1, "the event streams were not opened");
            assertEquals(204, karaf.post("/api/v1/cameras/it-axis/ptz", "{\"action\": \"home\"}").statusCode());
            assertEquals(204, karaf.post("/api/v1/cameras/it-hikvision/ptz", "{\"action\": \"home\"}").statusCode());
            assertEquals(List.of("move=home&camera=1"), axis.ptzCommands());
            assertEquals(1, hikvision.ptzCommands().size());
            assertEquals(0, axis.guard().refused() + hikvision.guard().refused(), "digest answered right");
            assertEquals(204, karaf.delete("/api/v1/cameras/it-axis").statusCode());
            assertEquals(204, karaf.delete("/api/v1/cameras/it-hikvision").statusCode());
            KarafInstance.await(Duration.ofSeconds(20), () -> axis.openEventStreams() == 0
                    && hikvision.openAlertStreams() == 0, "removing the cameras did not close their event streams");
        }
    }

    @Test
    @Order(18)
    void aDriverGeneratedFromTheArchetypeInstallsAsAFeature() throws Exception {
        // The archetype's integration test generated and installed uitkijk-driver-acme into this local repository.
        Path repository = Path.of(System.getProperty("uitkijk.localRepository"));
        Path features = repository.resolve("com/acme/uitkijk/uitkijk-driver-acme/1.0.0-SNAPSHOT/"
                + "uitkijk-driver-acme-1.0.0-SNAPSHOT-features.xml");
        assertTrue(Files.isRegularFile(features), "the archetype's generated driver is not installed: " + features);
        // Karaf reads that repository as its local one, with no remote repository: tests stay on this machine.
        ShellResult configure = karaf.shell("config:edit org.ops4j.pax.url.mvn\n"
                + "config:property-set org.ops4j.pax.url.mvn.localRepository " + repository + "\n"
                + "config:property-set org.ops4j.pax.url.mvn.repositories \"\"\n"
                + "config:update");
        assertEquals(0, configure.exitCode(), configure.output());
        Thread.sleep(3_000); // the maven URL handler restarts with its new configuration
        ShellResult install = karaf.shell("feature:repo-add "
                + "mvn:com.acme.uitkijk/uitkijk-driver-acme/1.0.0-SNAPSHOT/xml/features\n"
                + "feature:install uitkijk-driver-acme");
        assertEquals(0, install.exitCode(), install.output());
        KarafInstance.await(Duration.ofSeconds(60), () -> {
            try {
                return json(karaf.get("/api/v1/drivers", true)).findValuesAsText("id").contains("acme");
            } catch (Exception e) {
                return false;
            }
        }, "the generated acme driver did not appear");
        assertEquals(0, karaf.shell("feature:uninstall uitkijk-driver-acme").exitCode());
    }

    private List<String> camerasNamed(String id) throws Exception {
        List<String> ids = new ArrayList<>();
        json(karaf.get("/api/v1/cameras", true)).forEach(c -> ids.add(c.get("id").asText()));
        return ids.stream().filter(id::equals).toList();
    }

    private Instant lastRangeEnd(String id, Instant from) {
        JsonNode ranges = timeline(id, from).get("ranges");
        return ranges.size() == 0 ? Instant.EPOCH : Instant.parse(ranges.get(ranges.size() - 1).get("end").asText());
    }

    @Test
    @Order(20)
    void withoutAPasswordInTheEnvironmentOneIsGeneratedAndShownOnce() throws Exception {
        karaf.stop();
        karaf.reset();
        karaf.start(null);
        Matcher generated = Pattern.compile("initial password of user 'admin': (\\S+)").matcher(karaf.stdout());
        assertTrue(generated.find(), "the generated password is printed on the console");
        String password = generated.group(1);
        assertNotNull(password);
        assertEquals(401, karaf.getAs("/api/v1/cameras", "admin", PASSWORD).statusCode());
        assertEquals(200, karaf.getAs("/api/v1/cameras", "admin", password).statusCode());
        karaf.password(password);
        assertEquals(0, karaf.shell("vms:camera-list").exitCode(), "the same account works for the console");
        KarafInstance.await(Duration.ofSeconds(30), () -> {
            try {
                return !Files.readString(karaf.home.resolve("etc/users.properties")).contains(password);
            } catch (java.io.IOException e) {
                return false;
            }
        }, "the admin password is stored hashed");
        assertTrue(Files.readString(karaf.home.resolve("etc/users.properties")).matches("(?s).*admin = \\{CRYPT\\}.*"));
        assertFalse(Files.readString(karaf.home.resolve("data/log/karaf.log")).contains(password),
                "the generated password is never written to the log");

        // Renamed by the municipality: the next start does not bring 'admin' back, whatever the environment says.
        karaf.stop();
        Path usersFile = karaf.home.resolve("etc/users.properties");
        Files.writeString(usersFile, Files.readString(usersFile).replaceFirst("(?m)^admin = ", "beheer = "));
        karaf.start(PASSWORD);
        assertEquals(401, karaf.getAs("/api/v1/cameras", "admin", PASSWORD).statusCode(), "no admin created again");
        assertEquals(200, karaf.getAs("/api/v1/cameras", "beheer", password).statusCode());
    }

    /** Issue 3: copy recording of a real RTSP camera, its timeline and an export checked by ffprobe. */
    private void recordsThirtySecondsAndExportsThemAsTheCameraSentThem() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        KarafInstance.await(Duration.ofSeconds(90), () -> recordedSeconds("it-rtsp", begin) >= 30,
                "30 s of recording never became 30 s of footage; timeline: " + timeline("it-rtsp", begin));
        JsonNode timeline = timeline("it-rtsp", begin);
        assertEquals(0, timeline.get("gaps").size(), timeline.toString());

        JsonNode stats = json(karaf.get("/api/v1/cameras/it-rtsp/stats", true));
        assertTrue(stats.get("connected").asBoolean(), stats.toString());
        assertTrue(stats.get("subscribers").asInt() >= 1, "the recorder consumes the stream");

        Instant from = Instant.parse(timeline.at("/ranges/0/start").asText());
        assertEquals(400, karaf.download("/api/v1/cameras/it-rtsp/export?from=" + from + "&to="
                + from.plusSeconds(28)).statusCode(), "an export needs a reason");
        HttpResponse<byte[]> export = karaf.download("/api/v1/cameras/it-rtsp/export?from=" + from + "&to="
                + from.plusSeconds(28) + "&reason=" + REASON);
        assertEquals(200, export.statusCode());
        assertEquals("video/mp4", export.headers().firstValue("Content-Type").orElse(""));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(export.body()));
        assertEquals(sha, export.headers().firstValue("X-Content-SHA256").orElse(""), "the integrity proof");
        Path file = work.resolve("export.mp4");
        Files.write(file, export.body());
        Ffprobe probe = Ffprobe.of(file);
        assertEquals("h264", probe.codec(), "copied, not transcoded");
        assertEquals(768, probe.width());
        assertEquals(576, probe.height());
        assertEquals("", probe.errors(), "decodes without errors");
        assertTrue(probe.seconds() >= 27, "exported " + probe.seconds() + " s of 28");

        assertEquals(416, karaf.download("/api/v1/cameras/it-rtsp/export?from=" + from + "&to=" + from
                + "&reason=" + REASON).statusCode());
        assertEquals(404, karaf.download("/api/v1/cameras/it-rtsp/export?from=2020-01-01T00:00:00Z"
                + "&to=2020-01-01T00:01:00Z&reason=" + REASON).statusCode());
        assertEquals(400, karaf.get("/api/v1/cameras/it-rtsp/timeline?from=yesterday", true).statusCode());
        assertTrue(karaf.shell("vms:recording-status").output().contains("it-rtsp"));
    }

    private JsonNode timeline(String id, Instant from) {
        try {
            return json(karaf.get("/api/v1/cameras/" + id + "/timeline?from=" + from + "&to="
                    + Instant.now().plusSeconds(5), true));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double recordedSeconds(String id, Instant from) {
        double seconds = 0;
        for (JsonNode range : timeline(id, from).get("ranges")) {
            seconds += Duration.between(Instant.parse(range.get("start").asText()),
                    Instant.parse(range.get("end").asText())).toMillis() / 1000.0;
        }
        return seconds;
    }

    private long bundleId(String symbolicName) throws Exception {
        ShellResult result = karaf.shell("bundle:list -t 0 -s --no-format");
        Matcher id = Pattern.compile("(?m)^\\s*(\\d+)\\s+Active\\s+\\d+\\s+\\S+\\s+" + Pattern.quote(symbolicName)
                + "\\s*$").matcher(result.output());
        assertTrue(id.find(), result.output());
        return Long.parseLong(id.group(1));
    }
}
