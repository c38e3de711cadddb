package nl.uitkijk.itests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's live-video benchmark (issue 5), run by {@code distribution/scripts/benchmark-console.sh}, not by the
 * tests: the started distribution, the demo camera on a one-tile wall in headless Chromium.
 * <ol>
 * <li>Latency from a packet's arrival at the media hub to the browser appending its fragment to the Media Source
 * buffer (the server sends each fragment's arrival time; same machine, same clock): p50, p95, max.</li>
 * <li>Glass to glass: from the demo camera rendering a picture to the browser presenting it, read back from the time
 * code the demo camera draws into every picture (render, H.264 encode, hub, fMP4, WebSocket, MSE, decode,
 * compositor): p50, p95, max.</li>
 * <li>CPU of the Karaf JVM with 0, 10 and 40 further viewers of the same camera (WebSocket clients that read
 * everything), so the cost of one more viewer of one ingest.</li>
 * </ol>
 */
public final class ConsoleLatencyBenchmark {

    private static final String PASSWORD = "bench-console-2026";

    private ConsoleLatencyBenchmark() {
    }

    /**
     * Arguments: the unpacked distribution, the seconds to sample, and what to measure: {@code demo} (the demo
     * camera, one tile, and the Karaf CPU per further viewer), {@code wall} (16 live RTSP cameras at 25 fps on walls
     * of 1, 4, 9 and 16 tiles: glass to glass over all tiles, frames shown, browser and Karaf CPU), {@code ptz} (the
     * press of a PTZ button to the first picture that shows the camera moved), {@code hevc} (an H.265 camera: what
     * this browser plays), or {@code all}.
     */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String mode = args.length > 2 ? args[2] : "demo";
        String decoder = args.length > 3 ? args[3] : "auto"; // auto: the console's own choice (WebCodecs, else MSE)
        try (KarafInstance karaf = new KarafInstance(home)) {
            karaf.reset();
            karaf.start(PASSWORD);
            ProcessHandle jvm = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                    .contains("karaf.base=" + home)).findFirst().orElseThrow();
            WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(),
                    new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
                            "--ignore-certificate-errors-spki-list=" + karaf.certificateSpki(), "--headless=new", "--no-sandbox",
                            "--disable-gpu", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                            "--window-size=1280,800"));
            try {
                String console = karaf.base() + "/console/?timing=1" + ("auto".equals(decoder) ? ""
                        : "&decoder=" + decoder);
                System.out.println("decoder: " + decoder + " (the page decodes with " + ("auto".equals(decoder)
                        ? "WebCodecs where the browser has it, else MSE" : decoder) + ")");
                browser.get(console);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
                browser.findElement(By.name("user")).sendKeys("admin");
                browser.findElement(By.name("password")).sendKeys(PASSWORD);
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(b -> b.findElement(By.id("wall")).isDisplayed());
                if (mode.equals("demo") || mode.equals("all")) {
                    demoCamera(karaf, browser, jvm, seconds);
                }
                if (mode.equals("wall") || mode.equals("ptz") || mode.equals("hevc") || mode.equals("all")) {
                    try (LiveWallBenchmark live = new LiveWallBenchmark(karaf, browser, jvm)) {
                        if (mode.equals("wall") || mode.equals("all")) {
                            live.walls(seconds);
                        }
                        if (mode.equals("ptz") || mode.equals("all")) {
                            live.ptz();
                        }
                        if (mode.equals("hevc") || mode.equals("all")) {
                            live.hevc();
                        }
                    }
                }
            } finally {
                browser.quit();
            }
        }
        System.exit(0); // a benchmark: no thread of a simulator or driver keeps it running
    }

    /** The demo camera on one tile: hub to append, glass to glass, then the Karaf CPU per further viewer. */
    private static void demoCamera(KarafInstance karaf, WebDriver browser, ProcessHandle jvm, int seconds)
            throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        List<WebSocket> viewers = new ArrayList<>();
        try {
                browser.findElement(By.cssSelector("[data-layout='1']")).click();
                JavascriptExecutor page = (JavascriptExecutor) browser;
                page.executeScript("localStorage.clear();");
                wait.until(b -> b.findElements(By.cssSelector(".camera-list li[data-camera='demo-promenade']")).size()
                        == 1);
                new org.openqa.selenium.interactions.Actions(browser).doubleClick(browser.findElement(
                        By.cssSelector(".camera-list li[data-camera='demo-promenade']"))).perform();
                wait.until(b -> "playing".equals(page.executeScript(
                        "return document.querySelector('.tile')?.dataset.state;")));
                Thread.sleep(10_000); // warm-up: JIT, buffers
                page.executeScript("window.uitkijkLatencies.length = 0; window.uitkijkGlass.length = 0;");
                Thread.sleep(seconds * 1000L);
                @SuppressWarnings("unchecked")
                List<Number> samples = (List<Number>) page.executeScript("return window.uitkijkLatencies.slice();");
                List<Double> millis = samples.stream().map(Number::doubleValue).sorted().toList();
                System.out.printf("hub arrival -> browser append over %d s: %d fragments, p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms%n", seconds, millis.size(), percentile(millis, 50), percentile(millis, 95),
                        millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
                @SuppressWarnings("unchecked")
                List<Number> glassSamples = (List<Number>) page.executeScript("return window.uitkijkGlass.slice();");
                List<Double> glass = glassSamples.stream().map(Number::doubleValue).sorted().toList();
                System.out.printf("glass to glass (demo camera renders the picture -> the browser presents it, read "
                        + "from the picture's time code) over %d s: %d frames, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        seconds, glass.size(), percentile(glass, 50), percentile(glass, 95),
                        glass.isEmpty() ? 0 : glass.get(glass.size() - 1));

                HttpClient client = karaf.client();
                AtomicLong bytes = new AtomicLong();
                double base = cpuPercent(jvm, 30);
                System.out.printf("Karaf CPU with the browser only: %.1f %% of a core%n", base);
                int total = 0;
                for (int more : new int[] { 10, 30 }) {
                    for (int i = 0; i < more; i++) {
                        viewers.add(viewer(client, karaf, bytes));
                    }
                    total += more;
                    Thread.sleep(5_000);
                    long before = bytes.get();
                    double cpu = cpuPercent(jvm, 30);
                    System.out.printf("Karaf CPU with %d more viewers of the same camera: %.1f %% of a core "
                            + "(%.2f %% per added viewer; they received %.1f MB in 30 s)%n", total, cpu,
                            (cpu - base) / total, (bytes.get() - before) / 1e6);
                }
        } finally {
            viewers.forEach(WebSocket::abort);
        }
    }

    private static WebSocket viewer(HttpClient client, KarafInstance karaf, AtomicLong bytes) throws Exception {
        String body = karaf.post("/api/v1/live/tickets", "{\"camera\": \"demo-promenade\", \"reason\": \"benchmark\"}")
                .body();
        String ticket = new ObjectMapper().readTree(body).get("ticket").asText();
        return client.newWebSocketBuilder().buildAsync(URI.create(karaf.socketBase()
                + "/live/socket?ticket=" + ticket), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                        bytes.addAndGet(data.remaining());
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    static double cpuPercent(ProcessHandle jvm, int seconds) throws InterruptedException {
        Duration before = jvm.info().totalCpuDuration().orElseThrow();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Duration after = jvm.info().totalCpuDuration().orElseThrow();
        return 100.0 * after.minus(before).toNanos() / (System.nanoTime() - start);
    }

    static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
