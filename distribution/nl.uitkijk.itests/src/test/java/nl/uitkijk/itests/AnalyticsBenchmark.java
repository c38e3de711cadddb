package nl.uitkijk.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.uitkijk.testkit.RtspCameraSimulator;

/**
 * Analytics benchmark (issue 15), run by {@code distribution/scripts/benchmark-analytics.sh}: N cameras (the
 * GStreamer RTSP server playing the real CCTV clip, 768×576 at 10 fps), recorded and with motion on, for N = 1, 8,
 * 16, 32; then the people module at 2 fps for a few N. Per N: the decode floor first, measured in the same run
 * ({@code ffmpeg -i rtsp://… -vf fps=5,scale=320:-1 -f null -} per camera, its CPU from /proc), then Uitkijk's
 * analytics CPU per camera (decode and analysis, from the metrics), dropped analysis frames, lost recording segments
 * (gaps in the timeline) and the picture-arrival-to-result latency p50/p95. One Karaf, on loopback.
 */
public final class AnalyticsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Benchmark-Analytics-2026";
    private static final long TICKS = 100; // USER_HZ on Linux
    private static final Duration FLOOR = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration WINDOW = Duration.ofSeconds(45);

    private final KarafInstance karaf;
    private final List<String> report = new ArrayList<>();
    private RtspCameraSimulator simulator;
    private int cameras;

    private AnalyticsBenchmark(Path home) throws Exception {
        karaf = new KarafInstance(home);
    }

    public static void main(String[] args) throws Exception {
        new AnalyticsBenchmark(Path.of(args[0])).run(args.length > 1 ? args[1] : "1,8,16,32",
                args.length > 2 ? args[2] : "1,4,8");
    }

    private void run(String motionCounts, String peopleCounts) throws Exception {
        Path work = Files.createTempDirectory("uitkijk-analytics-benchmark");
        int most = 32;
        simulator = RtspCameraSimulator.start(work, most);
        karaf.reset();
        try {
            karaf.start(PASSWORD);
            check(karaf.shell("feature:install uitkijk-driver-rtsp uitkijk-analytics-motion uitkijk-analytics-people")
                    .exitCode() == 0, "features");
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/drivers", true).body()
                    .contains("\"rtsp\""), "rtsp driver");
            personsPermitted();
            System.out.printf("%d cores; clip %s 768×576 10 fps; window %d s after %d s warm-up%n",
                    Runtime.getRuntime().availableProcessors(), RtspCameraSimulator.CLIP, WINDOW.toSeconds(),
                    WARM_UP.toSeconds());
            for (String n : motionCounts.split(",")) {
                measure("motion", Integer.parseInt(n.strip()), 5);
            }
            for (int i = 1; i <= cameras; i++) {
                policy("bench-" + i, "motion", false);
            }
            for (String n : peopleCounts.split(",")) {
                measure("people", Integer.parseInt(n.strip()), 2);
            }
        } finally {
            karaf.stop();
            simulator.close();
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    /** Brings the cameras up to {@code n}, with only {@code module} on, and measures. */
    private void measure(String module, int n, int fps) throws Exception {
        while (cameras < n) {
            cameras++;
            HttpResponse<String> added = karaf.post("/api/v1/cameras", """
                    {"id": "bench-%d", "name": "Bench %d", "driver": "rtsp", "config": {"url": "%s"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                    .formatted(cameras, cameras, simulator.url(cameras)));
            check(added.statusCode() == 201, added.body());
        }
        for (int i = 1; i <= cameras; i++) {
            policy("bench-" + i, module, i <= n);
        }
        double floor = decodeFloor(n, fps);
        Thread.sleep(WARM_UP.toMillis());
        Map<String, Double> before = metrics();
        Instant start = Instant.now();
        Thread.sleep(WINDOW.toMillis());
        Map<String, Double> after = metrics();
        Instant end = Instant.now();
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        double cpu = delta(before, after, "uitkijk_analytics_cpu_seconds_total");
        double decoded = delta(before, after, "uitkijk_analytics_decoded_total");
        double dropped = delta(before, after, "uitkijk_analytics_dropped_total");
        double frames = delta(before, after, "uitkijk_analytics_frames_total");
        int lost = 0;
        for (int i = 1; i <= cameras; i++) {
            lost += lostSegments("bench-" + i, start, end.minusSeconds(8));
        }
        String line = String.format(java.util.Locale.ROOT, "%-6s N=%2d: analytics CPU %.3f core/camera (decode "
                + "floor %.3f), frames %.1f/s/camera, dropped %.2f %%, latency p50 %.0f ms p95 %.0f ms, lost "
                + "segments %d (of %d cameras recording)", module, n, cpu / seconds / n, floor, frames / seconds / n,
                decoded + dropped == 0 ? 0 : 100 * dropped / (decoded + dropped),
                after.getOrDefault("latency 0.5", 0.0) * 1000, after.getOrDefault("latency 0.95", 0.0) * 1000, lost,
                cameras);
        System.out.println(line);
        report.add(line);
    }

    /** N ffmpeg processes decoding at the module's rate and size, as the plain baseline: CPU core per camera. */
    private double decodeFloor(int n, int fps) throws Exception {
        List<Process> decoders = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            decoders.add(new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-rtsp_transport", "tcp",
                    "-i", simulator.url(i), "-vf", "fps=" + fps + ",scale=320:-1", "-f", "null", "-")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        Thread.sleep(3_000); // connected and decoding
        Map<Process, Long> before = new HashMap<>();
        for (Process decoder : decoders) {
            before.put(decoder, ticks(decoder));
        }
        long started = System.nanoTime();
        Thread.sleep(FLOOR.toMillis());
        double seconds = (System.nanoTime() - started) / 1e9;
        long used = 0;
        for (Process decoder : decoders) {
            used += ticks(decoder) - before.get(decoder);
            decoder.destroy();
        }
        for (Process decoder : decoders) {
            decoder.waitFor();
        }
        return (double) used / TICKS / seconds / n;
    }

    /** utime + stime of a process, in clock ticks. */
    private static long ticks(Process process) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private void policy(String camera, String module, boolean enabled) {
        HttpResponse<String> set = karaf.put("/api/v1/cameras/" + camera + "/analytics/" + module,
                "{\"enabled\": " + enabled + ", \"alarmPriority\": \"NONE\", \"config\": {}}");
        check(set.statusCode() == 200, set.body());
    }

    private void personsPermitted() throws Exception {
        var designation = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                karaf.get("/api/v1/designations/centrum-heerlen-demo", true).body());
        designation.set("personalData", JSON.readTree("[\"PERSONS\", \"TRACKS\"]"));
        check(karaf.put("/api/v1/designations/centrum-heerlen-demo", JSON.writeValueAsString(designation))
                .statusCode() == 200, "designation");
    }

    /** The analytics metrics summed over the cameras, and the latency quantiles. */
    private Map<String, Double> metrics() {
        Map<String, Double> sums = new HashMap<>();
        for (String line : karaf.get("/api/v1/metrics", true).body().split("\n")) {
            if (!line.startsWith("uitkijk_analytics_")) {
                continue;
            }
            String name = line.substring(0, line.indexOf('{'));
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (name.equals("uitkijk_analytics_latency_seconds")) {
                sums.put("latency " + line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')), value);
            } else {
                sums.merge(name, value, Double::sum);
            }
        }
        return sums;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /** Gaps in a camera's recording within the period. */
    private int lostSegments(String camera, Instant from, Instant to) throws Exception {
        JsonNode timeline = JSON.readTree(karaf.get("/api/v1/cameras/" + camera + "/timeline?from=" + from + "&to="
                + to, true).body());
        return timeline.get("gaps").size();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up failed: " + what);
        }
    }
}
