package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.testkit.Ffprobe;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Power cuts while eight RTSP cameras record: Karaf is killed with SIGKILL seven times in a row, each at another
 * point of the ~4 s segment being written. After each restart, per camera, at most the segment that was being
 * written is lost, the index and the files agree (the integrity check re-hashes every segment and finds no file the
 * index does not know), and the footage exports and decodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillNineIT {

    private static final String PASSWORD = "It-Kill-Nine-2026";
    private static final int CAMERAS = 8;
    private static final int KILLS = 7;
    /** The segment being written when the power goes (~4 s, cut at a keyframe), and the writer's last batch. */
    private static final Duration AT_MOST_LOST = Duration.ofSeconds(7);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path work;
    private KarafInstance karaf;
    private RtspCameraSimulator simulator;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("uitkijk-kill-nine");
        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        karaf.start(PASSWORD);
        assertEquals(0, karaf.shell("feature:install uitkijk-driver-rtsp").exitCode());
        KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/drivers", true).body()
                .contains("\"rtsp\""), "the rtsp driver did not appear");
        simulator = RtspCameraSimulator.start(work, CAMERAS);
        for (int i = 1; i <= CAMERAS; i++) {
            HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                    {"id": "kill-%d", "name": "Kill %d", "driver": "rtsp", "config": {"url": "%s"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                    .formatted(i, i, simulator.url(i)));
            assertEquals(201, added.statusCode(), added.body());
        }
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

    private Instant recordedUntil(String camera, Instant from) {
        return recordedUntil(camera, from, Instant.now().plusSeconds(5));
    }

    /** Where the footage recorded between the two instants ends. */
    private Instant recordedUntil(String camera, Instant from, Instant to) {
        try {
            JsonNode ranges = json("/api/v1/cameras/" + camera + "/timeline?from=" + from + "&to=" + to)
                    .get("ranges");
            return ranges.isEmpty() ? Instant.EPOCH : Instant.parse(ranges.get(ranges.size() - 1).get("end").asText());
        } catch (Exception e) {
            return Instant.EPOCH;
        }
    }

    @Test
    void sevenPowerCutsLoseAtMostTheOpenSegmentAndLeaveIndexAndFilesAgreeing() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        List<String> report = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            Instant since = Instant.now();
            // every camera records for a while (two or three segments) before the power goes
            KarafInstance.await(Duration.ofSeconds(90), () -> {
                for (int i = 1; i <= CAMERAS; i++) {
                    if (recordedUntil("kill-" + i, begin).isBefore(since.plusSeconds(6))) {
                        return false;
                    }
                }
                return true;
            }, "kill " + kill + ": not every camera recorded");
            Thread.sleep(1_000 + kill * 450L); // cut at another point of the segment each time: 1.45 s to 4.15 s
            Instant cut = Instant.now();
            karaf.kill();
            karaf.start(PASSWORD);
            // the recorder (and its start-up recovery) is up once the integrity check answers
            KarafInstance.await(Duration.ofSeconds(60), () -> KarafInstance.status(karaf.get("/api/v1/cameras/kill-1"
                    + "/integrity?from=" + begin + "&to=" + begin.plusSeconds(1), true)) == 200,
                    "the recorder did not come back after kill " + kill);
            for (int i = 1; i <= CAMERAS; i++) {
                String camera = "kill-" + i;
                Instant until = recordedUntil(camera, begin, cut); // what was kept of the run before the cut
                Duration lost = Duration.between(until, cut);
                report.add("kill " + kill + " " + camera + ": footage until " + lost.toMillis() + " ms before the cut");
                assertTrue(lost.compareTo(AT_MOST_LOST) <= 0, "kill " + kill + ", camera " + camera + ": "
                        + lost.toMillis() + " ms of footage before the cut lost (at most the open segment may go)");
                JsonNode integrity = json("/api/v1/cameras/" + camera + "/integrity?from=" + begin + "&to="
                        + cut.plusSeconds(1));
                assertEquals(0, integrity.get("problems").size(), "kill " + kill + ": " + integrity);
                assertTrue(integrity.get("segmentsChecked").asInt() > 0, integrity.toString());
            }
        }
        report.forEach(System.out::println);
        // every camera's footage of the whole run exports as one file that decodes without an error
        Instant end = Instant.now().minusSeconds(1);
        for (int i = 1; i <= CAMERAS; i++) {
            HttpResponse<byte[]> export = karaf.download("/api/v1/cameras/kill-" + i + "/export?from=" + begin
                    + "&to=" + end + "&reason=kill-9-test");
            assertEquals(200, export.statusCode());
            Path file = work.resolve("kill-" + i + ".mp4");
            Files.write(file, export.body());
            Ffprobe probe = Ffprobe.of(file);
            assertEquals("", probe.errors(), "kill-" + i + " decodes");
            assertEquals("h264", probe.codec());
        }
    }
}
