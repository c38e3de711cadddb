package nl.uitkijk.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.uitkijk.testkit.HikvisionCameraSimulator;
import nl.uitkijk.testkit.LiveRtspCamera;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The parts of the console benchmark that need a live camera, not the demo one: a {@link LiveRtspCamera} (Debian's
 * ffmpeg renders a 25 fps picture with the wall clock burned in, GStreamer serves it over RTSP, main 1280×720 and
 * sub 640×360) registered as 16 RTSP cameras, each its own ingest.
 */
final class LiveWallBenchmark implements AutoCloseable {

    private static final int CAMERAS = 16;
    private static final int FPS = 25;

    private final KarafInstance karaf;
    private final WebDriver browser;
    private final JavascriptExecutor page;
    private final ProcessHandle jvm;
    private LiveRtspCamera live;

    LiveWallBenchmark(KarafInstance karaf, WebDriver browser, ProcessHandle jvm) {
        this.karaf = karaf;
        this.browser = browser;
        this.page = (JavascriptExecutor) browser;
        this.jvm = jvm;
    }

    private LiveRtspCamera live() throws Exception {
        if (live == null) {
            live = LiveRtspCamera.start(Files.createTempDirectory("uitkijk-live-camera"), "h264");
        }
        return live;
    }

    @Override
    public void close() throws InterruptedException {
        if (live != null) {
            live.close();
        }
    }

    /** Walls of 1, 4, 9 and 16 tiles, each tile its own camera. */
    void walls(int seconds) throws Exception {
        LiveRtspCamera camera = live();
        karaf.shell("feature:install uitkijk-driver-rtsp");
        KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/drivers", true).body()
                .contains("\"rtsp\""), "the rtsp driver did not appear");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= CAMERAS; i++) {
            String id = String.format("live-%02d", i);
            ids.add(id);
            int status = karaf.post("/api/v1/cameras", """
                    {"id": "%s", "name": "Live %02d", "driver": "rtsp",
                     "config": {"url": "%s", "subUrl": "%s"}, "location": {"lat": 50.8879, "lon": 5.9797},
                     "designationId": "centrum-heerlen-demo"}""".formatted(id, i, camera.url(LiveRtspCamera.MAIN),
                    camera.url(LiveRtspCamera.SUB))).statusCode();
            if (status != 201) {
                throw new IllegalStateException("camera " + id + " not added: " + status);
            }
        }
        for (String id : ids) {
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/cameras/" + id, true).body()
                    .contains("\"ONLINE\""), id + " did not come online");
        }
        System.out.printf("live RTSP cameras: %d, each its own ingest of %s (main 1280x720, sub 640x360, %d fps, "
                + "H.264 from ffmpeg/libx264 zerolatency)%n", CAMERAS, camera.url(LiveRtspCamera.MAIN), FPS);
        for (int tiles : new int[] { 1, 4, 9, 16 }) {
            wall(ids.subList(0, tiles), seconds);
        }
    }

    private void wall(List<String> cameras, int seconds) throws Exception {
        showWall(cameras);
        Thread.sleep(8_000); // warm-up: buffers, JIT, the first keyframes
        page.executeScript("window.uitkijkLatencies.length = 0; window.uitkijkGlass.length = 0;");
        Duration browserBefore = browserCpu();
        Duration karafBefore = jvm.info().totalCpuDuration().orElseThrow();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double browserCpu = 100.0 * browserCpu().minus(browserBefore).toNanos() / 1e9 / elapsed;
        double karafCpu = 100.0 * jvm.info().totalCpuDuration().orElseThrow().minus(karafBefore).toNanos() / 1e9
                / elapsed;
        List<Double> glass = samples("uitkijkGlass");
        List<Double> append = samples("uitkijkLatencies");
        @SuppressWarnings("unchecked")
        Map<String, Number> quality = (Map<String, Number>) page.executeScript("""
                let total = 0, dropped = 0, behind = 0, tiles = 0;
                for (const tile of document.querySelectorAll('.tile[data-camera]')) {
                  const video = tile.querySelector('video');
                  const q = video && video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
                  if (q) { total += q.totalVideoFrames; dropped += q.droppedVideoFrames; }
                  const shown = tile.querySelector('[data-behind]');
                  if (shown) { behind += Number(shown.dataset.behind); tiles++; }
                }
                return { total, dropped, behind: tiles ? behind / tiles : 0 };""");
        @SuppressWarnings("unchecked")
        List<String> profiles = (List<String>) page.executeScript(
                "return [...document.querySelectorAll('.tile[data-camera]')].map(t => t.dataset.profile || '?');");
        Map<String, Integer> byProfile = new TreeMap<>();
        profiles.forEach(p -> byProfile.merge(p, 1, Integer::sum));
        System.out.printf("%2d tiles %s: glass to glass p50 %.1f ms, p95 %.1f ms, max %.1f ms; frames shown %d of %d "
                + "(%.0f %%; the player's own count since start: %d decoded, %d dropped); mean backlog at the end "
                + "%.0f ms; hub->append p95 %.1f ms; browser CPU %.0f %% of a core, Karaf CPU %.0f %%%n",
                cameras.size(), byProfile, ConsoleLatencyBenchmark.percentile(glass, 50),
                ConsoleLatencyBenchmark.percentile(glass, 95), glass.isEmpty() ? 0 : glass.get(glass.size() - 1),
                glass.size(), (long) FPS * cameras.size() * seconds, 100.0 * glass.size() / (FPS * cameras.size()
                        * seconds), quality.get("total").longValue(), quality.get("dropped").longValue(),
                quality.get("behind").doubleValue(), ConsoleLatencyBenchmark.percentile(append, 95), browserCpu,
                karafCpu);
    }

    /** The admin's saved wall, then the console reloaded: the wall opens with these cameras, all playing. */
    private void showWall(List<String> cameras) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String id : cameras) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        int status = karaf.put("/api/v1/me/preferences/wall", "{\"size\": " + cameras.size() + ", \"cameras\": ["
                + list + "]}").statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("the wall was not saved: " + status);
        }
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> ((Number) page.executeScript(
                "return document.querySelectorAll('.tile[data-state=playing]').length;")).intValue()
                >= cameras.size());
    }

    /**
     * PTZ feel: the operator presses a direction on the tile of a Hikvision dome (the simulator, whose RTSP service
     * is the live camera); the dome, told to move, changes the picture at once (the live camera's big text). From
     * the press (pointerdown) to the first frame the browser presents with the changed picture: the console, REST,
     * the driver's ISAPI call, the camera's encoder, RTSP, the hub and the player, as an operator feels it.
     */
    void ptz() throws Exception {
        LiveRtspCamera camera = live();
        karaf.shell("feature:install uitkijk-driver-hikvision");
        try (HikvisionCameraSimulator dome = HikvisionCameraSimulator.start("admin", "Dome-2026")) {
            camera.showText("STOP");
            List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
            dome.onPtz(command -> {
                if (command.contains("<pan>50</pan>")) {
                    arrivals.add(System.currentTimeMillis()); // a move (not a stop) reached the camera
                }
                try {
                    // the picture changes at once, and wholly inside the text's black box: MOVE, or STOP
                    camera.showText(command.contains("<pan>0</pan><tilt>0</tilt><zoom>0</zoom>") ? "STOP" : "MOVE");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.post("/api/v1/cameras", """
                    {"id": "live-dome", "name": "Live dome", "driver": "hikvision",
                     "config": {"host": "127.0.0.1", "port": %d, "rtspPort": %d, "username": "admin",
                     "password": "Dome-2026"}, "location": {"lat": 50.8879, "lon": 5.9797},
                     "designationId": "centrum-heerlen-demo"}""".formatted(dome.port(), camera.port()))
                    .statusCode() == 201, "the dome could not be added");
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/cameras/live-dome", true).body()
                    .contains("\"ONLINE\""), "the dome did not come online");
            showWall(List.of("live-dome"));
            Thread.sleep(5_000);
            page.executeScript("""
                    // the picture shown: the WebCodecs canvas, else the video (MSE); sampled every animation frame
                    const shown = () => document.querySelector('.tile canvas.live-canvas')
                      || document.querySelector('.tile video');
                    const canvas = document.createElement('canvas');
                    canvas.width = 64; canvas.height = 16;
                    const context = canvas.getContext('2d', { willReadFrequently: true });
                    const state = window.uitkijkPtz = { results: [], pressed: 0, baseline: null, last: null };
                    const picture = () => {
                      // inside the black box of the live camera's big text (at 40, 200 of 1280x720), scaled to the
                      // picture's size: no moving test pattern there, only the text
                      const source = shown();
                      const width = source.videoWidth || source.width, height = source.videoHeight || source.height;
                      const sx = width / 1280, sy = height / 720;
                      context.drawImage(source, 45 * sx, 215 * sy, 270 * sx, 90 * sy, 0, 0, 64, 16);
                      return context.getImageData(0, 0, 64, 16).data;
                    };
                    const difference = (a, b) => {
                      let sum = 0;
                      for (let i = 0; i < a.length; i += 4) sum += Math.abs(a[i + 1] - b[i + 1]);
                      return sum / (a.length / 4);
                    };
                    state.noise = 0;
                    const onFrame = () => {
                      const now = picture();
                      if (state.pressed && state.baseline) {
                        const change = difference(now, state.baseline);
                        if (change > 20) { // MOVE in place of STOP; compression noise stays under 5
                          state.results.push(performance.timeOrigin + performance.now() - state.pressed);
                          state.pressed = 0;
                        } else {
                          state.noise = Math.max(state.noise, change);
                        }
                      }
                      state.last = now;
                      requestAnimationFrame(onFrame);
                    };
                    requestAnimationFrame(onFrame);
                    document.querySelector('.tile .ptz-right').addEventListener('pointerdown', () => {
                      state.baseline = state.last;
                      state.pressed = state.lastPress = performance.timeOrigin + performance.now();
                    }, { capture: true });""");
            WebElement right = new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(
                    By.cssSelector(".tile .ptz-right")).stream().findFirst().orElse(null));
            List<Double> command = new ArrayList<>();
            for (int press = 0; press < 22; press++) {
                if (press == 2) {
                    page.executeScript("window.uitkijkPtz.results.length = 0;"); // two to warm up: TLS, digest
                }
                int before = arrivals.size();
                new Actions(browser).clickAndHold(right).pause(Duration.ofMillis(700)).release().perform();
                Thread.sleep(800);
                double pressed = ((Number) page.executeScript("return window.uitkijkPtz.lastPress || 0;"))
                        .doubleValue();
                if (press >= 2 && arrivals.size() > before) {
                    command.add(arrivals.get(before) - pressed);
                }
            }
            List<Double> feel = samples("uitkijkPtz.results");
            List<Double> commands = command.stream().sorted().toList();
            System.out.printf("PTZ press to the move command reaching the camera (console, REST, driver, ISAPI with "
                    + "digest): p50 %.1f ms, p95 %.1f ms, max %.1f ms; press to picture, each: %s (largest change "
                    + "before the picture changed: %.1f of 255)%n",
                    ConsoleLatencyBenchmark.percentile(commands, 50), ConsoleLatencyBenchmark.percentile(commands, 95),
                    commands.isEmpty() ? 0 : commands.get(commands.size() - 1),
                    feel.stream().map(v -> String.format("%.0f", v)).toList(),
                    ((Number) page.executeScript("return window.uitkijkPtz.noise;")).doubleValue());
            System.out.printf("PTZ press to the first picture showing the move (Hikvision simulator, live camera, "
                    + "1 tile, main stream): %d presses, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", feel.size(),
                    ConsoleLatencyBenchmark.percentile(feel, 50), ConsoleLatencyBenchmark.percentile(feel, 95),
                    feel.isEmpty() ? 0 : feel.get(feel.size() - 1));
            karaf.delete("/api/v1/cameras/live-dome");
        }
    }

    /** What this Chromium does with an H.265 camera: MSE's and WebCodecs' answer, and what the tile shows. */
    void hevc() throws Exception {
        try (LiveRtspCamera camera = LiveRtspCamera.start(Files.createTempDirectory("uitkijk-hevc"), "h265")) {
            karaf.shell("feature:install uitkijk-driver-rtsp");
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.post("/api/v1/cameras", """
                    {"id": "live-hevc", "name": "Live H.265", "driver": "rtsp", "config": {"url": "%s"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                    .formatted(camera.url(LiveRtspCamera.MAIN))).statusCode() == 201, "H.265 camera not added");
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/cameras/live-hevc", true).body()
                    .contains("\"ONLINE\""), "the H.265 camera did not come online");
            karaf.put("/api/v1/me/preferences/wall", "{\"size\": 1, \"cameras\": [\"live-hevc\"]}");
            browser.navigate().refresh();
            String state = new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> {
                String s = (String) page.executeScript("return document.querySelector('.tile')?.dataset.state;");
                return "playing".equals(s) || "stills".equals(s) ? s : null;
            });
            Object mse = page.executeScript("return window.MediaSource ? MediaSource.isTypeSupported("
                    + "'video/mp4; codecs=\"hvc1.1.6.L93.90\"') : false;");
            Object webCodecs = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[0];
                    if (!window.VideoDecoder) { done(false); return; }
                    VideoDecoder.isConfigSupported({ codec: 'hvc1.1.6.L93.90' }).then(r => done(r.supported))
                      .catch(() => done(false));""");
            System.out.printf("H.265 camera: MSE hvc1 %s, WebCodecs hvc1 %s; the tile shows %s%n", mse, webCodecs,
                    state.equals("stills") ? "JPEG stills (fallback)" : "live video");
            karaf.delete("/api/v1/cameras/live-hevc");
        }
    }

    private List<Double> samples(String name) {
        @SuppressWarnings("unchecked")
        List<Number> raw = (List<Number>) page.executeScript("return (window." + name + " || []).slice();");
        return raw.stream().map(Number::doubleValue).sorted().toList();
    }

    /** CPU time of every Chromium process (browser, renderer, GPU and utility processes). */
    private static Duration browserCpu() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").contains("chromium"))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }
}
