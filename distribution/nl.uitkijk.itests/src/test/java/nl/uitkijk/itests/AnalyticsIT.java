package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Analytics in Karaf on a real stream: an RTSP camera (the GStreamer server playing the real CCTV clip of people
 * walking), motion switched on over REST, an alarm with a JPEG snapshot, stored detections and a motion search that
 * answer, and the module's feature uninstalled (recording goes on, the policy shows the module missing) and
 * installed again (it resumes with the stored configuration).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsIT {

    private static final String PASSWORD = "It-Analytics-2026";
    private static final String CAMERA = "an-plein";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KarafInstance karaf;
    private RtspCameraSimulator simulator;
    private Path work;
    private final Instant begin = Instant.now().minusSeconds(5);

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("uitkijk-analytics");
        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        karaf.start(PASSWORD);
        assertEquals(0, karaf.shell("feature:install uitkijk-driver-rtsp uitkijk-analytics-motion uitkijk-analytics-people").exitCode());
        KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/drivers", true).body()
                .contains("\"rtsp\""), "the rtsp driver did not appear");
        simulator = RtspCameraSimulator.start(work, 1);
        HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                {"id": "%s", "name": "Plein", "driver": "rtsp", "config": {"url": "%s"},
                 "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                .formatted(CAMERA, simulator.url(1)));
        assertEquals(201, added.statusCode(), added.body());
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

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = karaf.get(path, true);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private JsonNode motion() throws Exception {
        for (JsonNode module : json("/api/v1/cameras/" + CAMERA + "/analytics")) {
            if (module.get("moduleId").asText().equals("motion")) {
                return module;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void theModuleIsListedAndABadConfigurationOrAnUnknownModuleIsAClearError() throws Exception {
        JsonNode motion = motion();
        assertTrue(motion != null && motion.get("installed").asBoolean(), "motion is listed: " + motion);
        assertFalse(motion.get("enabled").asBoolean());
        assertEquals("OFF", motion.get("state").asText());
        assertEquals("NONE", motion.get("personalData").get(0).asText());

        HttpResponse<String> bad = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/motion",
                "{\"enabled\": true, \"config\": {\"sensitivity\": 99}}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("config.sensitivity"), "the field is named: " + bad.body());
        HttpResponse<String> zone = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/motion",
                "{\"enabled\": true, \"config\": {\"include\": [[[0, 0], [2, 0], [0, 1]]]}}");
        assertEquals(400, zone.statusCode(), zone.body());
        assertTrue(zone.body().contains("config.include"), zone.body());
        HttpResponse<String> unknown = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/no-such-module",
                "{\"enabled\": true, \"config\": {}}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("no-such-module"), unknown.body());
        assertEquals(404, karaf.put("/api/v1/cameras/no-such-camera/analytics/motion",
                "{\"enabled\": true, \"config\": {}}").statusCode());
        assertEquals(400, karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/motion", "{}").statusCode(),
                "enabled is required");
    }

    @Test
    @Order(2)
    void motionSwitchedOnRaisesAnAlarmWithASnapshotAndStoresWhatItFound() throws Exception {
        HttpResponse<String> on = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/motion",
                "{\"enabled\": true, \"config\": {}}");
        assertEquals(200, on.statusCode(), on.body());
        AtomicReference<JsonNode> alarm = new AtomicReference<>();
        KarafInstance.await(Duration.ofSeconds(60), () -> {
            try {
                for (JsonNode each : json("/api/v1/alarms?limit=50")) {
                    if (CAMERA.equals(each.path("cameraId").asText()) && "motion".equals(each.get("type").asText())) {
                        alarm.set(each);
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }, "no motion alarm from the people walking in the clip");
        AtomicReference<HttpResponse<byte[]>> snapshot = new AtomicReference<>();
        KarafInstance.await(Duration.ofSeconds(20), () -> {
            try {
                snapshot.set(karaf.download("/api/v1/alarms/" + alarm.get().get("id").asText() + "/snapshot"));
                return snapshot.get().statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, "the alarm has no snapshot");
        byte[] jpeg = snapshot.get().body();
        assertTrue(jpeg.length > 5_000 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8,
                "a JPEG of the moment: " + jpeg.length + " bytes");
        assertEquals("image/jpeg", snapshot.get().headers().firstValue("content-type").orElse(""));

        String period = "from=" + begin + "&to=" + Instant.now().plusSeconds(60);
        KarafInstance.await(Duration.ofSeconds(20), () -> {
            try {
                return json("/api/v1/cameras/" + CAMERA + "/detections?type=motion&" + period).size() >= 3;
            } catch (Exception e) {
                return false;
            }
        }, "no motion detections stored");
        JsonNode detections = json("/api/v1/cameras/" + CAMERA + "/detections?type=motion&" + period);
        JsonNode first = detections.get(0);
        assertEquals("motion", first.get("type").asText());
        assertEquals("motion", first.get("moduleId").asText());
        assertTrue(first.get("width").asDouble() > 0 && first.get("width").asDouble() <= 1, first.toString());

        JsonNode everywhere = json("/api/v1/cameras/" + CAMERA + "/motion-search?" + period);
        assertTrue(everywhere.size() >= 1, "motion somewhere in the picture: " + everywhere);
        assertTrue(everywhere.get(0).get("seconds").asLong() >= 1, everywhere.toString());
        HttpResponse<String> badRegion = karaf.get("/api/v1/cameras/" + CAMERA + "/motion-search?region=0.5,0.5,0.9,0.9",
                true);
        assertEquals(400, badRegion.statusCode(), "a region outside the picture: " + badRegion.body());
        assertTrue(karaf.get("/api/v1/audit?limit=30", true).body().contains("detection.search"),
                "searches are audited");

        JsonNode motion = motion();
        assertEquals("RUNNING", motion.get("state").asText(), motion.toString());
        assertTrue(motion.get("framesAnalysed").asLong() > 10, motion.toString());
        assertTrue(motion.get("enabled").asBoolean());
    }

    @Test
    @Order(3)
    void uninstallingTheFeatureStopsItRecordingGoesOnAndReinstallingResumesIt() throws Exception {
        assertEquals(0, karaf.shell("feature:uninstall uitkijk-analytics-motion").exitCode());
        KarafInstance.await(Duration.ofSeconds(30), () -> {
            try {
                JsonNode motion = motion();
                return motion != null && "MISSING".equals(motion.get("state").asText())
                        && !motion.get("installed").asBoolean();
            } catch (Exception e) {
                return false;
            }
        }, "the policy does not show the module missing");
        Instant gone = Instant.now();
        KarafInstance.await(Duration.ofSeconds(40), () -> recordedUntil().isAfter(gone.plusSeconds(5)),
                "recording stopped with the analytics module");

        assertEquals(0, karaf.shell("feature:install uitkijk-analytics-motion").exitCode());
        KarafInstance.await(Duration.ofSeconds(40), () -> {
            try {
                JsonNode motion = motion();
                return motion != null && "RUNNING".equals(motion.get("state").asText());
            } catch (Exception e) {
                return false;
            }
        }, "motion did not resume with its stored configuration");

        HttpResponse<String> off = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/motion",
                "{\"enabled\": false, \"config\": {}}");
        assertEquals(200, off.statusCode(), off.body());
        assertEquals("OFF", JSON.readTree(off.body()).get("state").asText());
        assertTrue(karaf.get("/api/v1/audit?limit=30", true).body().contains("analytics.policy"),
                "policy changes are audited");
    }

    @Test
    @Order(4)
    void peopleNeedADesignationThatPermitsPersonsAndStopAtOnceWhenItNoLongerDoes() throws Exception {
        String crowd = """
                {"enabled": true, "alarmPriority": "HIGH", "config": {"zones": [{"name": "plein",
                  "polygon": [[0, 0.3], [1, 0.3], [1, 0.75], [0, 0.75]], "crowdCount": 3, "crowdSeconds": 2}]}}""";
        HttpResponse<String> refused = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/people", crowd);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("PERSONS"), "the reason names what is not permitted: " + refused.body());
        assertTrue(karaf.get("/api/v1/audit?limit=30", true).body().contains("legal.refusal"),
                "the refusal is audited");

        personalData("[\"PERSONS\", \"TRACKS\"]");
        HttpResponse<String> on = karaf.put("/api/v1/cameras/" + CAMERA + "/analytics/people", crowd);
        assertEquals(200, on.statusCode(), on.body());
        KarafInstance.await(Duration.ofSeconds(90), () -> {
            try {
                for (JsonNode each : json("/api/v1/alarms?limit=50")) {
                    if (CAMERA.equals(each.path("cameraId").asText()) && "crowd".equals(each.get("type").asText())
                            && "HIGH".equals(each.get("priority").asText())) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }, "no crowd alarm from the people on the square");
        String period = "from=" + begin + "&to=" + Instant.now().plusSeconds(60);
        KarafInstance.await(Duration.ofSeconds(20), () -> {
            try {
                return json("/api/v1/cameras/" + CAMERA + "/detections?type=person&" + period).size() >= 3;
            } catch (Exception e) {
                return false;
            }
        }, "no persons stored");

        personalData("[]");
        KarafInstance.await(Duration.ofSeconds(15), () -> {
            try {
                JsonNode people = module("people");
                return people != null && "REFUSED".equals(people.get("state").asText());
            } catch (Exception e) {
                return false;
            }
        }, "people kept running after the designation stopped permitting it");
        assertTrue(module("people").get("detail").asText().contains("PERSONS"), module("people").toString());
    }

    /** Sets the demo designation's categories of personal data. */
    private void personalData(String categories) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode designation = (com.fasterxml.jackson.databind.node.ObjectNode)
                json("/api/v1/designations/centrum-heerlen-demo");
        designation.set("personalData", JSON.readTree(categories));
        HttpResponse<String> changed = karaf.put("/api/v1/designations/centrum-heerlen-demo",
                JSON.writeValueAsString(designation));
        assertEquals(200, changed.statusCode(), changed.body());
    }

    private JsonNode module(String id) throws Exception {
        for (JsonNode module : json("/api/v1/cameras/" + CAMERA + "/analytics")) {
            if (module.get("moduleId").asText().equals(id)) {
                return module;
            }
        }
        return null;
    }

    private Instant recordedUntil() {
        try {
            JsonNode ranges = json("/api/v1/cameras/" + CAMERA + "/timeline?from=" + begin + "&to="
                    + Instant.now().plusSeconds(5)).get("ranges");
            return ranges.isEmpty() ? Instant.EPOCH : Instant.parse(ranges.get(ranges.size() - 1).get("end").asText());
        } catch (Exception e) {
            return Instant.EPOCH;
        }
    }
}
