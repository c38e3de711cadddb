package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.itests.KarafInstance.ShellResult;
import nl.uitkijk.testkit.HikvisionCameraSimulator;
import nl.uitkijk.testkit.LiveRtspCamera;
import nl.uitkijk.testkit.OnvifCameraSimulator;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser (Debian's headless chromium, driven by its chromedriver) against the started
 * distribution: sign-in, the video wall playing the demo camera over the live WebSocket, rights enforced by the
 * server, CSRF and ended sessions refused, and a hostile live socket closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    /** The frames the first tile's player has shown (WebCodecs or MSE), counted on its video element. */
    private static final String FRAMES_SHOWN =
            "const v = document.querySelector('.tile video'); return v ? Number(v.dataset.frames || 0) : 0;";

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ADMIN_PASSWORD = "console-it-Admin-2026";
    private static final String OPERATOR_PASSWORD = "console-it-Operator-2026";
    private static final String SUPERVISOR_PASSWORD = "console-it-Supervisor-2026";
    private static final String POLICE_PASSWORD = "console-it-Police-2026";

    private KarafInstance karaf;
    private WebDriver browser;
    private ChromeDriver chrome;
    private Path downloads;

    @BeforeAll
    void start() throws Exception {
        nl.uitkijk.testkit.TestData.skipUnless(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian chromium and chromium-driver are not installed here (.ci/run installs them)");
        karaf = new KarafInstance(Path.of(System.getProperty("uitkijk.karaf.home")));
        karaf.reset();
        karaf.start(ADMIN_PASSWORD);
        ShellResult users = karaf.shell("jaas:realm-manage --realm karaf\n"
                + "jaas:user-add anna " + OPERATOR_PASSWORD + "\n"
                + "jaas:group-add anna operatorgroup\n"
                + "jaas:user-add sven " + SUPERVISOR_PASSWORD + "\n"
                + "jaas:group-add sven supervisorgroup\n"
                + "jaas:user-add paul " + POLICE_PASSWORD + "\n"
                + "jaas:group-add paul policegroup\n"
                + "jaas:update");
        assertEquals(0, users.exitCode(), users.output());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--ignore-certificate-errors-spki-list=" + karaf.certificateSpki(), "--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--autoplay-policy=no-user-gesture-required",
                "--window-size=1600,1000");
        downloads = Files.createTempDirectory("uitkijk-downloads");
        // no password manager: it could fill in the previous user's password
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "profile.default_content_setting_values.automatic_downloads", 1,
                "credentials_enable_service", false, "profile.password_manager_enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        chrome = new ChromeDriver(service, options);
        // headless Chromium saves downloads only where it is told to
        chrome.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        browser = chrome;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.stop();
        }
    }

    private String console() {
        return karaf.base() + "/console/";
    }

    /** Waits, looking again when the page re-rendered what it looked at (the lists re-render as data comes). */
    private WebDriverWait waiting(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** Runs an async fetch in the page and answers its HTTP status. */
    private long fetchStatus(String method, String path, String csrfToken) {
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = {'Content-Type': 'application/json', 'X-Requested-With': 'uitkijk-console'};
                if (arguments[2]) headers['X-CSRF-Token'] = arguments[2];
                fetch(arguments[1], {method: arguments[0], headers, credentials: 'same-origin',
                    body: arguments[0] === 'GET' ? undefined : JSON.stringify({camera: 'demo-promenade'})})
                  .then(r => done(r.status)).catch(e => done(-1));""", method, path, csrfToken);
    }

    /** The sign-in form, once the page's scripts run. */
    private WebElement signInForm() {
        browser.get(console());
        waiting(20).until(b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-ready")));
        if (browser.findElement(By.id("sign-out")).isDisplayed()) {
            browser.findElement(By.id("sign-out")).click(); // someone else is signed in
        }
        return waiting(20).until(b -> b.findElement(By.id("sign-in")).isDisplayed()
                ? b.findElement(By.id("sign-in")) : null);
    }

    /** Signs in through the form, without waiting for any page (a procurement account has no wall). */
    private void signInAs(String user, String password) {
        WebElement form = signInForm();
        form.findElement(By.name("user")).clear();
        form.findElement(By.name("user")).sendKeys(user);
        form.findElement(By.name("password")).clear();
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void signIn(String user, String password) {
        signInAs(user, password);
        waiting(20).until(b -> b.findElement(By.id("wall")).isDisplayed());
        readTheHandover();
    }

    /** A Hikvision dome (the simulator) as a camera, once its alert stream (where its alarms come from) is open. */
    private void addDome(HikvisionCameraSimulator dome, String id, String name) throws Exception {
        assertEquals(201, karaf.post("/api/v1/cameras", """
                {"id": "%s", "name": "%s", "driver": "hikvision",
                 "config": {"host": "127.0.0.1", "port": %d, "username": "admin", "password": "Dome-2026"},
                 "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                .formatted(id, name, dome.port())).statusCode());
        KarafInstance.await(Duration.ofSeconds(30), () -> dome.openAlertStreams() == 1,
                "the dome's alert stream was not opened");
    }

    /** The shift handover shows at sign-in when the previous shift left notes or open incidents: read it. */
    private void readTheHandover() {
        try {
            Thread.sleep(300); // it is asked right after sign-in
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.findElements(By.cssSelector("dialog.handover[open] .handover-read")).forEach(WebElement::click);
    }

    @Test
    @Order(1)
    void anOperatorSignsInAndTheWallPlaysTheDemoCameraLive() throws Exception {
        WebElement form = signInForm();
        form.findElement(By.name("user")).sendKeys("anna");
        form.findElement(By.name("password")).sendKeys("wrong");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(10).until(b -> !b.findElement(By.id("sign-in-message")).getText().isBlank());
        assertEquals("Gebruikersnaam of wachtwoord onjuist.", browser.findElement(By.id("sign-in-message")).getText());

        signIn("anna", OPERATOR_PASSWORD);
        assertTrue(browser.findElement(By.id("user")).getText().startsWith("anna"));
        assertTrue(!browser.findElement(By.id("sign-in")).isDisplayed(), "the sign-in form is gone");
        assertTrue(!browser.findElement(By.id("nav-manage")).isDisplayed(), "management is hidden for an operator");
        browser.findElement(By.cssSelector("[data-layout='1']")).click();
        WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).stream()
                .filter(li -> "demo-promenade".equals(li.getAttribute("data-camera"))).findFirst().orElse(null));
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(camera).perform();

        // Playing: frames arrive over the WebSocket and are shown (WebCodecs onto a canvas, or MSE), counted by the
        // player on the video element as data-frames.
        double first = waiting(30).until(b -> {
            double frames = ((Number) script(FRAMES_SHOWN)).doubleValue();
            return frames > 3 ? frames : null;
        });
        Thread.sleep(2_000);
        double later = ((Number) script(FRAMES_SHOWN)).doubleValue();
        assertTrue(later > first + 5, "the live video advances: " + first + " → " + later + " frames");
        assertEquals(1, browser.findElements(By.cssSelector(".tile canvas.live-canvas")).size(),
                "this Chromium has WebCodecs: the picture is drawn onto a canvas");
        double behind = waiting(10).until(b -> (Number) script("const c = document.querySelector('.tile canvas');"
                + " return c.dataset.behind === undefined ? null : Number(c.dataset.behind);")).doubleValue();
        assertTrue(behind < 500, "the player knows its backlog and keeps it short: " + behind + " ms");
        assertTrue(browser.findElement(By.cssSelector(".tile .name")).getText().startsWith("Promenade"),
                browser.findElement(By.cssSelector(".tile .name")).getText());

        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        browser.findElement(By.cssSelector("[data-layout='4']")).click();
        for (WebElement other : browser.findElements(By.cssSelector(".camera-list li"))) {
            if (!"demo-promenade".equals(other.getAttribute("data-camera"))) {
                new org.openqa.selenium.interactions.Actions(browser).doubleClick(other).perform();
            }
        }
        // Each tile plays, or says why the law does not allow live view now (the demo designation of Hoensbroek
        // allows it on Friday and Saturday nights only), in the console's language.
        String tiles = "return [...document.querySelectorAll('.tile')].map(t => Number((t.querySelector('video')"
                + " || {dataset: {}}).dataset.frames || 0) > 3 ? 'playing' : t.innerText.includes('Live kijken mag "
                + "alleen ') ? 'refused' : 'waiting').join(',');";
        try {
            waiting(30).until(b -> !script(tiles).toString().contains("waiting"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the tiles neither play nor say why: " + script("return [...document"
                    + ".querySelectorAll('.tile')].map(t => t.dataset.camera + ' ' + t.innerText).join(' | ');"), e);
        }
        assertTrue(script(tiles).toString().chars().filter(c -> c == 'p').count() >= 3, script(tiles).toString());
        Files.write(shots.resolve("console-wall.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // The wall is saved per user on the server: with this browser's storage and cookies wiped (as at another
        // workstation), signing in again brings back the same layout and cameras.
        String placed = "return [...document.querySelectorAll('.tile')].map(t => t.dataset.camera).join(',');";
        String before = script(placed).toString();
        script("localStorage.clear();");
        browser.manage().deleteAllCookies();
        signIn("anna", OPERATOR_PASSWORD);
        waiting(20).until(b -> b.findElements(By.cssSelector(".tile video")).size() == 4);
        assertEquals(before, script(placed).toString());
    }

    @Test
    @Order(2)
    void anOperatorCannotManageCamerasBecauseTheServerRefuses() {
        browser.get(console() + "#manage");
        WebElement refusal = waiting(20).until(b -> b.findElements(By.cssSelector("#manage .refused")).stream()
                .findFirst().orElse(null));
        assertEquals("Geen toegang: alleen beheerders beheren camera’s.", refusal.getText());
        assertEquals(403, fetchStatus("GET", "/api/v1/discovery", null), "the server refuses, not only the page");
        assertEquals(403, fetchStatus("GET", "/api/v1/cameras/demo-promenade/export?from=2026-01-01T00:00:00Z"
                + "&to=2026-01-01T00:01:00Z&reason=x", null), "operators do not export");
    }

    @Test
    @Order(3)
    void aForgedCsrfTokenAndAnEndedSessionAreRefused() {
        browser.get(console());
        waiting(20).until(b -> b.findElement(By.id("wall")).isDisplayed());
        assertEquals(403, fetchStatus("POST", "/api/v1/live/tickets", "forged-token"));
        assertEquals(403, fetchStatus("POST", "/api/v1/live/tickets", null));
        browser.findElement(By.id("sign-out")).click();
        waiting(20).until(b -> b.findElement(By.id("sign-in")).isDisplayed());
        assertEquals(401, fetchStatus("GET", "/api/v1/cameras", null), "after sign-out the cookie opens nothing");
        assertEquals(List.of("sign-out"), karaf.get("/api/v1/audit?limit=50", true).body().contains("\"sign-out\"")
                ? List.of("sign-out") : List.of(), "sign-out is audited");
    }

    @Test
    @Order(4)
    void theLiveSocketClosesOnBadInputAndTheConsoleKeepsRunning() throws Exception {
        HttpClient client = karaf.client();
        URI noTicket = URI.create(karaf.socketBase() + "/live/socket?ticket=made-up");
        assertEquals(1008, closeCode(client, noTicket, null));
        String ticket = json(karaf.post("/api/v1/live/tickets", "{\"camera\": \"demo-promenade\"}").body(), "ticket");
        URI valid = URI.create(karaf.socketBase() + "/live/socket?ticket=" + ticket);
        int oversized = closeCode(client, valid, "x".repeat(10_000));
        assertEquals(1009, oversized, "an oversized message closes the socket as too big");
        String second = json(karaf.post("/api/v1/live/tickets", "{\"camera\": \"demo-promenade\"}").body(), "ticket");
        assertEquals(1003, closeCode(client, URI.create(karaf.socketBase() + "/live/socket?ticket="
                + second), "{\"camera\": \"../../etc/passwd\"}"), "unknown messages are refused");
        assertEquals(200, KarafInstance.status(karaf.get("/api/v1/health", false)), "the console keeps running");
    }

    @Test
    @Order(5)
    void anOperatorSteersAPtzCameraFromItsTileHoldToMove() throws Exception {
        assertEquals(0, karaf.shell("feature:install uitkijk-driver-hikvision").exitCode());
        try (HikvisionCameraSimulator dome = HikvisionCameraSimulator.start("admin", "Dome-2026")) {
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.post("/api/v1/cameras", """
                    {"id": "it-dome", "name": "Dome Stationsplein", "driver": "hikvision",
                     "config": {"host": "127.0.0.1", "port": %d, "username": "admin", "password": "Dome-2026"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                    .formatted(dome.port())).statusCode() == 201, "the dome camera could not be added");
            KarafInstance.await(Duration.ofSeconds(30), () -> karaf.get("/api/v1/cameras/it-dome", true).body()
                    .contains("\"ONLINE\""), "the dome camera did not come online");
            signIn("anna", OPERATOR_PASSWORD);
            browser.findElement(By.cssSelector("[data-layout='1']")).click();
            WebElement entry = waiting(20).until(b -> b.findElements(By.cssSelector(
                    ".camera-list li[data-camera='it-dome']")).stream().findFirst().orElse(null));
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(entry).perform();
            WebElement right = waiting(20).until(b -> b.findElements(By.cssSelector(".tile .ptz-right")).stream()
                    .findFirst().orElse(null));
            new org.openqa.selenium.interactions.Actions(browser).clickAndHold(right).pause(Duration.ofSeconds(1))
                    .release().perform();
            KarafInstance.await(Duration.ofSeconds(10), () -> dome.ptzCommands().size() >= 2,
                    "the camera got no move and stop: " + dome.ptzCommands());
            assertTrue(dome.ptzCommands().get(0).contains("<pan>50</pan>"), dome.ptzCommands().toString());
            assertTrue(dome.ptzCommands().get(1).contains("<pan>0</pan><tilt>0</tilt><zoom>0</zoom>"),
                    "letting go stops the camera: " + dome.ptzCommands());
            assertEquals(List.of("Voorkeurstand…", "Pancratiusplein", "Saroleastraat"), browser.findElements(
                    By.cssSelector(".tile .ptz-preset option")).stream().map(WebElement::getText).toList());
            assertEquals(204, karaf.delete("/api/v1/cameras/it-dome").statusCode());
        }
    }

    @Test
    @Order(6)
    void aSupervisorExportsAVideoWhoseSha256MatchesItsManifest() throws Exception {
        signIn("sven", SUPERVISOR_PASSWORD);
        browser.get(console() + "#export");
        WebElement form = waiting(20).until(b -> b.findElements(By.cssSelector(".export-form")).stream().findFirst()
                .orElse(null));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("camera"))).selectByValue("demo-promenade");
        // the last half minute, in the browser's time zone (the recorder has run since the start)
        script("""
                const local = m => new Date(m - new Date(m).getTimezoneOffset() * 60000).toISOString().slice(0, 19);
                document.querySelector('[name=from]').value = local(Date.now() - 40000);
                document.querySelector('[name=to]').value = local(Date.now() - 10000);""");
        form.findElement(By.name("reason")).sendKeys("Politie: aangifte 2026-123456, vernieling Promenade");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement message = form.findElement(By.cssSelector(".export-message"));
        waiting(60).until(b -> message.getText().contains("SHA-256") || message.getText().contains("mislukt"));
        assertTrue(message.getText().contains("SHA-256"), message.getText());

        KarafInstance.await(Duration.ofSeconds(30), () -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> !f.toString().endsWith(".crdownload")).count() == 2;
            } catch (java.io.IOException e) {
                return false;
            }
        }, "the video and its manifest were not both downloaded: " + downloads.toFile().list().length + " files");
        Path manifestFile;
        Path video;
        try (var files = Files.list(downloads)) {
            List<Path> both = files.sorted().toList();
            manifestFile = both.stream().filter(f -> f.toString().endsWith(".manifest.json")).findFirst().orElseThrow();
            video = both.stream().filter(f -> f.toString().endsWith(".mp4")).findFirst().orElseThrow();
        }
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifestFile.toFile());
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(video)));
        assertEquals(manifest.get("sha256").asText(), sha256, "the downloaded video is the one in the manifest");
        assertEquals(Files.size(video), manifest.get("bytes").asLong());
        assertEquals("demo-promenade", manifest.get("camera").asText());
        assertEquals("sven", manifest.get("exportedBy").asText());
        assertEquals("Politie: aangifte 2026-123456, vernieling Promenade", manifest.get("reason").asText());
        assertTrue(nl.uitkijk.testkit.Ffprobe.decodedFrames(video) > 0, "the export plays");
        assertTrue(karaf.get("/api/v1/audit?limit=20", true).body().contains(sha256), "the export is audited with "
                + "its hash");
    }

    @Test
    @Order(7)
    void anOperatorPlaysARecordedRangeFromTheTimelineAtAnotherSpeed() throws Exception {
        signIn("anna", OPERATOR_PASSWORD);
        browser.get(console() + "#playback");
        WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector("#playback select")).stream()
                .findFirst().orElse(null));
        new org.openqa.selenium.support.ui.Select(camera).selectByValue("demo-promenade");
        WebElement bar = browser.findElement(By.cssSelector(".timeline"));
        waiting(20).until(b -> "demo-promenade".equals(bar.getAttribute("data-camera"))
                && !"0".equals(bar.getAttribute("data-ranges")) && bar.getAttribute("data-ranges") != null);
        // a click near the right end: about half a minute ago, where the recorder has been writing since the start
        int width = bar.getSize().getWidth();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(bar, width / 2 - 8, 0).click().perform();
        double first = waiting(30).until(b -> {
            double seconds = ((Number) script("return document.querySelector('#playback video').currentTime;"))
                    .doubleValue();
            return seconds > 0.5 ? seconds : null;
        });
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#playback .speed")))
                .selectByValue("4");
        Thread.sleep(1_500);
        double later = ((Number) script("return document.querySelector('#playback video').currentTime;"))
                .doubleValue();
        assertEquals(4.0, ((Number) script("return document.querySelector('#playback video').playbackRate;"))
                .doubleValue());
        assertTrue(later - first > 3, "at 4× a second and a half of wall time plays several seconds: " + first
                + " → " + later);
        assertTrue(karaf.get("/api/v1/audit?limit=20", true).body().contains("\"playback\""),
                "playback is audited");
    }

    @Test
    @Order(8)
    void aCameraAlarmReachesTheOperatorLiveAndIsAcknowledgedWithAComment() throws Exception {
        try (HikvisionCameraSimulator dome = HikvisionCameraSimulator.start("admin", "Dome-2026")) {
            addDome(dome, "it-alarm-dome", "Dome Markt");
            signIn("anna", OPERATOR_PASSWORD);
            waiting(20).until(b -> b.findElements(By.cssSelector(".alarm-list")).size() == 1);
            dome.emitMotion(2);
            // arrives over the alarm socket, without a reload (the list re-renders as alarms come: look up fresh)
            String id = waiting(30).until(b -> (String) script("const a = [...document.querySelectorAll("
                    + "'.alarm-list .alarm')].find(a => a.innerText.includes('it-alarm-dome') && a.innerText"
                    + ".includes('motion')); return a ? a.dataset.alarm : null;"));
            String mine = ".alarm[data-alarm='" + id + "']";
            waiting(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> b.findElement(
                    By.cssSelector(mine)).getAttribute("class").contains("priority-MEDIUM"));
            // the item is re-rendered when its deliveries are read: what is typed is carried into the new one
            waiting(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                b.findElement(By.cssSelector(mine + " input[name=comment]")).sendKeys("Gezien: markt-kraam");
                return true;
            });
            // another alarm arriving while the operator types neither wipes the comment nor takes the focus
            assertEquals(201, karaf.post("/api/v1/alarms", """
                    {"cameraId": "demo-promenade", "type": "loitering", "priority": "LOW",
                     "description": "Tussendoor"}""").statusCode());
            waiting(20).until(b -> (Boolean) script("return [...document.querySelectorAll('.alarm-list .alarm')]"
                    + ".some(a => a.innerText.includes('Tussendoor'));"));
            assertEquals("comment", script("return document.activeElement.name;"), "the focus stays in the comment");
            browser.switchTo().activeElement().sendKeys(" wordt opgebouwd");
            assertEquals("Gezien: markt-kraam wordt opgebouwd",
                    script("return document.querySelector(\"" + mine + " input[name=comment]\").value;"));
            waiting(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                b.findElement(By.cssSelector(mine + " button[type=submit]")).click();
                return true;
            });
            waiting(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> b.findElements(
                    By.cssSelector(mine)).isEmpty() || b.findElement(By.cssSelector(mine)).getText().contains("✓ anna"));
            var acknowledged = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    karaf.get("/api/v1/alarms?limit=50", true).body());
            var stored = java.util.stream.StreamSupport.stream(acknowledged.spliterator(), false)
                    .filter(a -> a.get("id").asText().equals(id)).findFirst().orElseThrow();
            assertEquals("anna", stored.get("acknowledgedBy").asText());
            assertEquals("Gezien: markt-kraam wordt opgebouwd", stored.get("comment").asText());
            assertEquals(409, karaf.post("/api/v1/alarms/" + id + "/acknowledge", "{\"comment\": \"nog eens\"}")
                    .statusCode(), "an alarm is acknowledged once");
            assertEquals(204, karaf.delete("/api/v1/cameras/it-alarm-dome").statusCode());
        }
    }

    @Test
    @Order(9)
    void thePoliceSeeOnlyTheCamerasSharedWithThem() throws Exception {
        assertEquals(204, karaf.put("/api/v1/cameras/demo-promenade/shares/police", "").statusCode());
        signIn("paul", POLICE_PASSWORD);
        List<String> listed = waiting(20).until(b -> {
            List<String> ids = b.findElements(By.cssSelector(".camera-list li")).stream()
                    .map(li -> li.getAttribute("data-camera")).toList();
            return ids.isEmpty() ? null : ids;
        });
        assertEquals(List.of("demo-promenade"), listed, "only the shared camera is listed");
        assertEquals(403, fetchStatus("GET", "/api/v1/cameras/demo-heerlerheide", null),
                "a camera not shared with the police cannot even be read");
        assertEquals(403, fetchStatus("GET", "/api/v1/alarms", null));
        String csrf = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[0];
                fetch('/api/v1/session', {headers: {'X-Requested-With': 'uitkijk-console'}})
                  .then(r => r.json()).then(s => done(s.csrfToken));""");
        long shared = (Long) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/live/tickets', {method: 'POST', headers: {'Content-Type': 'application/json',
                    'X-Requested-With': 'uitkijk-console', 'X-CSRF-Token': arguments[0]},
                    body: JSON.stringify({camera: arguments[1]})}).then(r => done(r.status));""", csrf,
                "demo-heerlerheide");
        assertEquals(403, shared, "no live ticket for a camera not shared");
        assertEquals(204, karaf.delete("/api/v1/cameras/demo-promenade/shares/police").statusCode());
        assertEquals(403, fetchStatus("GET", "/api/v1/cameras/demo-promenade", null), "unsharing takes effect at once");
    }

    @Test
    @Order(10)
    void anAdministratorTestsAddsEditsAndRemovesACameraAndTheServerNamesTheWrongField() throws Exception {
        assertEquals(0, karaf.shell("feature:install uitkijk-driver-rtsp").exitCode());
        signIn("admin", ADMIN_PASSWORD);
        assertTrue(browser.findElement(By.id("nav-manage")).isDisplayed());
        browser.get(console() + "#manage");
        WebElement form = waiting(20).until(b -> b.findElements(By.cssSelector("form.camera-form")).stream()
                .findFirst().orElse(null));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("driver"))).selectByValue("rtsp");
        form.findElement(By.name("id")).sendKeys("it-console-rtsp");
        form.findElement(By.name("name")).sendKeys("Console RTSP");
        WebElement url = form.findElement(By.name("config.url"));
        url.sendKeys("http://not-rtsp");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement message = browser.findElement(By.cssSelector(".manage-message"));
        waiting(20).until(b -> message.getText().contains("config.url"));

        // Test the connection before storing anything: nothing answers at port 9, the simulator does.
        WebElement verdict = form.findElement(By.cssSelector(".connection-test"));
        url.clear();
        url.sendKeys("rtsp://127.0.0.1:9/none");
        form.findElement(By.cssSelector("button.test-connection")).click();
        waiting(30).until(b -> "OFFLINE".equals(verdict.getAttribute("data-status")));
        assertTrue(verdict.getText().startsWith("offline — "), "says why: " + verdict.getText());
        Path folder = Files.createTempDirectory("uitkijk-console-rtsp");
        try (RtspCameraSimulator stream = RtspCameraSimulator.start(folder, 1)) {
            url.clear();
            url.sendKeys(stream.url(1));
            form.findElement(By.cssSelector("button.test-connection")).click();
            waiting(30).until(b -> "ONLINE".equals(verdict.getAttribute("data-status")));
            assertTrue(verdict.getText().contains("768×576 h264"), verdict.getText());
            assertEquals(404, karaf.get("/api/v1/cameras/it-console-rtsp", true).statusCode(), "a test stores nothing");

            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement row = waiting(20).until(b -> b.findElements(By.xpath("//td[text()='it-console-rtsp']/.."))
                    .stream().findFirst().orElse(null));
            assertTrue(row.getText().contains("Console RTSP"), row.getText());

            // Edit: the form comes back filled in; a new name is saved, the id stays.
            row.findElement(By.cssSelector(".edit-camera")).click();
            WebElement edit = waiting(20).until(b -> {
                WebElement id = b.findElement(By.cssSelector("form.camera-form [name=id]"));
                return "it-console-rtsp".equals(id.getAttribute("value")) ? b.findElement(By.cssSelector(
                        "form.camera-form")) : null;
            });
            assertEquals("true", edit.findElement(By.name("id")).getAttribute("readOnly"));
            assertEquals(stream.url(1), edit.findElement(By.name("config.url")).getAttribute("value"));
            edit.findElement(By.name("name")).clear();
            edit.findElement(By.name("name")).sendKeys("Console RTSP renamed");
            edit.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement renamed = waiting(20).until(b -> b.findElements(By.xpath(
                    "//td[text()='Console RTSP renamed']/..")).stream().findFirst().orElse(null));
            assertTrue(karaf.get("/api/v1/cameras/it-console-rtsp", true).body().contains("Console RTSP renamed"));

            renamed.findElement(By.cssSelector(".remove-camera")).click();
            waiting(10).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
            waiting(20).until(b -> b.findElements(By.xpath("//td[text()='it-console-rtsp']")).isEmpty());
            assertEquals(404, karaf.get("/api/v1/cameras/it-console-rtsp", true).statusCode());
        }
        String audit = karaf.get("/api/v1/audit?actor=admin&limit=200", true).body();
        assertTrue(audit.contains("camera.test") && audit.contains("result=ONLINE"), "the trials are audited");
    }

    @Test
    @Order(11)
    void playbackJumpsToACamerasAlarmOnTheTimeline() throws Exception {
        assertEquals(0, karaf.shell("feature:install uitkijk-driver-onvif").exitCode());
        Path folder = Files.createTempDirectory("uitkijk-console-events");
        try (RtspCameraSimulator stream = RtspCameraSimulator.start(folder, 1);
                OnvifCameraSimulator camera = OnvifCameraSimulator.start("uitkijk", "geheim", stream.url(1))) {
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.post("/api/v1/cameras", """
                    {"id": "it-events", "name": "Events Markt", "driver": "onvif",
                     "config": {"host": "127.0.0.1", "port": %d, "username": "uitkijk", "password": "geheim"},
                     "location": {"lat": 50.8879, "lon": 5.9797}, "designationId": "centrum-heerlen-demo"}"""
                    .formatted(camera.port())).statusCode() == 201, "the ONVIF camera could not be added");
            KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/cameras/it-events", true).body()
                    .contains("\"ONLINE\""), "the ONVIF camera did not come online");
            Thread.sleep(10_000); // footage before the event
            camera.emitMotion();
            KarafInstance.await(Duration.ofSeconds(30), () -> karaf.get("/api/v1/alarms?limit=50", true).body()
                    .contains("\"cameraId\":\"it-events\""), "the camera's motion raised no alarm");
            Thread.sleep(8_000); // footage after it

            signIn("anna", OPERATOR_PASSWORD);
            browser.get(console() + "#playback");
            WebElement choice = waiting(20).until(b -> b.findElements(By.cssSelector("#playback select")).stream()
                    .findFirst().orElse(null));
            new org.openqa.selenium.support.ui.Select(choice).selectByValue("it-events");
            // the timeline says whose it is: the first camera's may still be on screen for a moment
            WebElement marker = waiting(20).until(b -> b.findElements(By.cssSelector(
                    ".timeline[data-camera='it-events'] .event")).stream().findFirst().orElse(null));
            assertTrue(marker.getAttribute("title").contains("motion"), marker.getAttribute("title"));
            assertEquals(1, browser.findElements(By.cssSelector(".timeline .event")).size(), "one alarm per motion");
            marker.click();
            waiting(30).until(b -> ((Number) script("return document.querySelector('#playback video').currentTime;"))
                    .doubleValue() > 0.5);
            assertEquals(204, karaf.delete("/api/v1/cameras/it-events").statusCode());
        }
    }

    private static String json(String body, String field) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get(field).asText();
    }

    /** Opens a socket, sends a message if given, and answers the close code the server sent. */
    private static int closeCode(HttpClient client, URI uri, String message) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(1006);
            }
        }).get(10, TimeUnit.SECONDS);
        if (message != null) {
            socket.sendText(message, true);
        }
        return closed.get(15, TimeUnit.SECONDS);
    }

    @Test
    @Order(12)
    void aBrowserWithoutWebCodecsPlaysLiveThroughMediaSourceExtensions() throws Exception {
        Object script = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "Object.defineProperty(window, 'VideoDecoder', {value: undefined});")).get("identifier");
        try {
            signIn("anna", OPERATOR_PASSWORD);
            assertEquals(Boolean.TRUE, script("return window.VideoDecoder === undefined;"));
            browser.findElement(By.cssSelector("[data-layout='1']")).click();
            WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).stream()
                    .filter(li -> "demo-promenade".equals(li.getAttribute("data-camera"))).findFirst().orElse(null));
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(camera).perform();
            waiting(30).until(b -> ((Number) script(FRAMES_SHOWN)).doubleValue() > 5);
            assertTrue(((Number) script("return document.querySelector('.tile video').currentTime;")).doubleValue()
                    > 0, "MSE plays in the video element");
            assertEquals(0, browser.findElements(By.cssSelector(".tile canvas.live-canvas")).size());
            String readBehind = "const v = document.querySelector('.tile video');"
                    + " return v.dataset.behind === undefined ? null : Number(v.dataset.behind);";
            waiting(10).until(b -> script(readBehind));
            // the backlog is read before the player corrects it (a value over half a second is followed by a jump
            // to the live edge), so one reading on a busy machine may be high: over three seconds it stays short
            List<Double> readings = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                readings.add(((Number) script(readBehind)).doubleValue());
                Thread.sleep(250);
            }
            Collections.sort(readings);
            double median = readings.get(readings.size() / 2);
            assertTrue(median < 500, "the MSE player knows its backlog and keeps it short: " + readings + " ms");
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier",
                    script));
        }
    }

    @Test
    @Order(12)
    void aBrowserWithoutH264PlaybackGetsStillsOfTheLivePicture() throws Exception {
        // As a browser that decodes no H.264 would be (no WebCodecs, no Media Source Extensions): before any script
        Object script = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "Object.defineProperty(window, 'MediaSource', {value: undefined});"
                + "Object.defineProperty(window, 'VideoDecoder', {value: undefined});")).get("identifier");
        try {
            signIn("anna", OPERATOR_PASSWORD);
            assertEquals(Boolean.TRUE, script("return window.MediaSource === undefined;"));
            browser.findElement(By.cssSelector("[data-layout='1']")).click();
            WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).stream()
                    .filter(li -> "demo-promenade".equals(li.getAttribute("data-camera"))).findFirst().orElse(null));
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(camera).perform();

            String picture = "const i = document.querySelector('.tile img.still');"
                    + " return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth + ' ' + i.src : null;";
            String first = waiting(30).until(b -> (String) script(picture));
            String next = waiting(30).until(b -> {
                String now = (String) script(picture);
                return now != null && !now.equals(first) ? now : null;
            });
            assertTrue(next.startsWith("640 ") || next.startsWith("960 ") || next.startsWith("1280 "),
                    "a still as wide as the tile asks: " + next);
            assertTrue(browser.findElement(By.cssSelector(".tile .state")).getText().startsWith("Momentopnamen"),
                    browser.findElement(By.cssSelector(".tile .state")).getText());
            assertTrue(!browser.findElement(By.cssSelector(".tile video")).isDisplayed(), "no empty video");
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier",
                    script));
        }
    }

    @Test
    @Order(13)
    void aSupervisorSeesTheUsersAndAnAdministratorManagesThem() throws Exception {
        signIn("sven", SUPERVISOR_PASSWORD);
        assertTrue(browser.findElement(By.id("nav-users")).isDisplayed());
        assertTrue(!browser.findElement(By.id("nav-plugins")).isDisplayed());
        browser.get(console() + "#users");
        WebElement list = waiting(20).until(b -> b.findElements(By.cssSelector("#users table")).stream().findFirst()
                .orElse(null));
        waiting(10).until(b -> list.getText().contains("anna") && list.getText().contains("Politie"));
        assertTrue(list.getText().contains("sven") && list.getText().contains("actief om"),
                "the supervisor is in the console now: " + list.getText());
        assertTrue(browser.findElements(By.cssSelector("form.add-user")).isEmpty(), "no changes for a supervisor");
        String csrf = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/session', {headers: {'X-Requested-With': 'uitkijk-console'}})
                  .then(r => r.json()).then(s => done(s.csrfToken));""");
        assertEquals(403, fetchStatus("DELETE", "/api/v1/users/anna", csrf), "the server refuses a supervisor");

        signIn("admin", ADMIN_PASSWORD);
        browser.get(console() + "#users");
        WebElement form = waiting(20).until(b -> b.findElements(By.cssSelector("form.add-user")).stream()
                .findFirst().orElse(null));
        form.findElement(By.name("name")).sendKeys("truus");
        form.findElement(By.name("password")).sendKeys("kort");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(10).until(b -> b.findElement(By.cssSelector(".users-message")).getText().contains("password"));
        form.findElement(By.name("password")).sendKeys("-maar-nu-lang-genoeg");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("role"))).selectByValue("auditor");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement truus = waiting(20).until(b -> b.findElements(By.cssSelector(".user-actions[data-user=truus]"))
                .stream().findFirst().orElse(null));
        assertEquals("auditor", new org.openqa.selenium.support.ui.Select(truus.findElement(By.name("role")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals(200, karaf.getAs("/api/v1/audit", "truus", "kort-maar-nu-lang-genoeg").statusCode(),
                "the new auditor signs in and reads the audit trail");

        // The only administrator cannot make themselves an operator: the server says so.
        WebElement self = browser.findElement(By.cssSelector(".user-actions[data-user=admin]"));
        new org.openqa.selenium.support.ui.Select(self.findElement(By.name("role"))).selectByValue("operator");
        waiting(10).until(b -> b.findElement(By.cssSelector(".users-message")).getText().contains("last administrator"));

        WebElement again = waiting(20).until(b -> b.findElements(By.cssSelector(".user-actions[data-user=truus]"))
                .stream().findFirst().orElse(null));
        again.findElement(By.cssSelector(".user-remove")).click();
        waiting(10).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waiting(20).until(b -> b.findElements(By.cssSelector(".user-actions[data-user=truus]")).isEmpty());
        assertEquals(401, karaf.getAs("/api/v1/audit", "truus", "kort-maar-nu-lang-genoeg").statusCode());
        String audit = karaf.get("/api/v1/audit?actor=admin&limit=300", true).body();
        assertTrue(audit.contains("user.add") && audit.contains("user.remove"), "audited");
    }

    @Test
    @Order(14)
    void anAdministratorInstallsAndUninstallsADriverPluginFromTheConsole() throws Exception {
        signIn("admin", ADMIN_PASSWORD);
        browser.get(console() + "#plugins");
        By axis = By.cssSelector("#plugins button[data-plugin='uitkijk-driver-axis']");
        WebElement install = waiting(20).until(b -> b.findElements(axis).stream().findFirst().orElse(null));
        assertTrue(browser.findElement(By.id("plugins")).getText().contains("uitkijk-recorder-segment"));
        assertTrue(!browser.findElement(By.id("plugins")).getText().contains("uitkijk-rest"), "not a plugin");
        assertEquals("plugin-install", install.getAttribute("class"), "axis is available, not installed");
        install.click();
        waiting(60).until(b -> b.findElements(axis).stream().anyMatch(button -> "plugin-uninstall".equals(
                button.getAttribute("class"))));
        waiting(20).until(b -> karaf.get("/api/v1/drivers", true).body().contains("\"axis\""));

        browser.findElement(axis).click();
        waiting(60).until(b -> b.findElements(axis).stream().anyMatch(button -> "plugin-install".equals(
                button.getAttribute("class"))));
        waiting(20).until(b -> !karaf.get("/api/v1/drivers", true).body().contains("\"axis\""));
        String audit = karaf.get("/api/v1/audit?actor=admin&limit=300", true).body();
        assertTrue(audit.contains("plugin.install") && audit.contains("plugin.uninstall"), "audited");
        assertEquals(403, karaf.getAs("/api/v1/plugins", "sven", SUPERVISOR_PASSWORD).statusCode());
    }

    @Test
    @Order(15)
    void aSupervisorEscalatesAnAlarmAndTheControlRoomWatchesThroughTheLinkWithoutAnAccount() throws Exception {
        try (nl.uitkijk.testkit.WebhookReceiver police = new nl.uitkijk.testkit.WebhookReceiver(
                "een-geheim-van-de-meldkamer")) {
            assertEquals(0, karaf.shell("feature:install uitkijk-connector-webhook").exitCode());
            waiting(60).until(b -> karaf.get("/api/v1/connectors/kinds", true).body().contains("\"webhook\""));
            assertEquals(201, karaf.post("/api/v1/connectors", """
                    {"id": "police", "kind": "webhook", "label": "Politie Limburg",
                     "config": {"url": "%s", "secret": "een-geheim-van-de-meldkamer"}}""".formatted(police.url()))
                    .statusCode());
            // routed to the control rooms connected when it is raised: wait until the new one is
            waiting(30).until(b -> karaf.get("/api/v1/connectors/police", true).body().contains("\"connected\":true"));
            String raised = karaf.post("/api/v1/alarms", """
                    {"cameraId": "demo-promenade", "type": "fight", "description": "Vechtpartij Promenade"}""").body();
            String alarm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raised).get("id").asText();

            signIn("sven", SUPERVISOR_PASSWORD);
            String mine = ".alarm[data-alarm='" + alarm + "']";
            waiting(30).until(b -> b.findElements(By.cssSelector(".control-rooms li[data-connector='police'].room-up"))
                    .size() == 1);
            waiting(30).until(b -> b.findElements(By.cssSelector(mine + " .delivery-DELIVERED[data-connector="
                    + "'police']")).size() == 1);
            waiting(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                b.findElement(By.cssSelector(mine + " .escalate-form input[name=reason]"))
                        .sendKeys("Politie gevraagd mee te kijken");
                return true;
            });
            waiting(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                b.findElement(By.cssSelector(mine + " .escalate-form button[type=submit]")).click();
                return true;
            });
            String link = waiting(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b ->
                    b.findElements(By.cssSelector(mine + " .handover-link")).stream().map(a -> a.getAttribute("href"))
                            .findFirst().orElse(null));
            assertTrue(link.contains("/console/share.html#"), link);
            waiting(30).until(b -> police.requests().stream().anyMatch(r -> r.body().contains("\"type\":"
                    + "\"escalation\"") && r.body().contains(link.substring(link.indexOf('#')))));

            // the control room: no account, no cookie; the link alone plays the camera
            browser.manage().deleteAllCookies();
            browser.get(console().replace("/console/", "") + link.substring(link.indexOf("/console/")));
            double playing = waiting(30).until(b -> {
                double frames = ((Number) script("const v = document.querySelector('.share-tile video');"
                        + " return v ? Number(v.dataset.frames || 0) : 0;")).doubleValue();
                return frames > 3 ? frames : null;
            });
            assertTrue(playing > 3);
            String handovers = karaf.get("/api/v1/handovers?active=true", true).body();
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(handovers).get(0).get("id")
                    .asText();
            assertEquals(204, karaf.delete("/api/v1/handovers/" + id).statusCode());
            waiting(20).until(b -> "ended".equals(script("return document.querySelector('.share-tile')"
                    + ".dataset.state;")));
            browser.navigate().refresh();
            waiting(10).until(b -> b.findElement(By.id("share-state")).getText().contains("does not play"));
        }
    }

    @Test
    @Order(16)
    void anOperatorSeesWhatTheAnalyticsFoundAndSearchesMotionInARegionSheDraws() throws Exception {
        assertEquals(0, karaf.shell("feature:install uitkijk-analytics-motion").exitCode());
        waiting(60).until(b -> karaf.get("/api/v1/cameras/demo-promenade/analytics", true).body()
                .contains("\"motion\""));
        var on = karaf.put("/api/v1/cameras/demo-promenade/analytics/motion",
                "{\"enabled\": true, \"alarmPriority\": \"NONE\", \"config\": {}}");
        assertEquals(200, on.statusCode(), on.body());
        // the demo scene's pedestrians and cars move: motion is stored within seconds
        waiting(60).until(b -> karaf.get("/api/v1/cameras/demo-promenade/detections?type=motion", true).body()
                .contains("\"motion\""));

        signIn("anna", OPERATOR_PASSWORD);
        browser.get(console() + "#playback");
        WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector("#playback select")).stream()
                .findFirst().orElse(null));
        new org.openqa.selenium.support.ui.Select(camera).selectByValue("demo-promenade");
        waiting(20).until(b -> {
            String count = b.findElement(By.cssSelector(".detections")).getAttribute("data-count");
            return "demo-promenade".equals(b.findElement(By.cssSelector(".detections")).getAttribute("data-camera"))
                    && count != null && Integer.parseInt(count) > 0;
        });
        assertTrue(browser.findElements(By.cssSelector(".detections .type-motion")).size() > 0);

        // draw a region over the whole lower half of the picture, where the street is, and search it
        browser.findElement(By.xpath("//button[text()='Gebied tekenen']")).click();
        WebElement picture = browser.findElement(By.cssSelector("#playback .picture"));
        int width = picture.getSize().getWidth();
        int height = picture.getSize().getHeight();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(picture, -width / 2 + 5, 0)
                .clickAndHold().moveByOffset(width / 3, height / 4).moveByOffset(width / 2, height / 4 - 10)
                .release().perform();
        String region = browser.findElement(By.cssSelector("#playback .region")).getAttribute("data-region");
        assertTrue(region != null && region.split(",").length == 4, "a region was drawn: " + region);
        browser.findElement(By.xpath("//button[text()='Zoek beweging']")).click();
        waiting(20).until(b -> {
            String count = b.findElement(By.cssSelector(".motion-search .hits")).getAttribute("data-count");
            return count != null && Integer.parseInt(count) > 0;
        });
        assertTrue(browser.findElements(By.cssSelector(".timeline .hit")).size() > 0, "hits marked on the timeline");
        assertTrue(karaf.get("/api/v1/audit?limit=20", true).body().contains("motion search"),
                "the search is audited");

        // on the wall, the tile of a camera with analytics running offers the boxes of what they find
        browser.get(console());
        String tile = ".tile[data-camera='demo-promenade']";
        if (waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).size() > 0)
                && browser.findElements(By.cssSelector(tile)).isEmpty()) {
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(browser.findElement(
                    By.cssSelector(".camera-list li[data-camera='demo-promenade']"))).perform();
        }
        waiting(20).until(b -> b.findElements(By.cssSelector(tile + " .boxes")).size() == 1);
        browser.findElement(By.cssSelector(tile + " .boxes")).click();
        waiting(20).until(b -> {
            String boxes = b.findElement(By.cssSelector(tile + " .box-layer")).getAttribute("data-boxes");
            return boxes != null && Integer.parseInt(boxes) > 0;
        });
        assertEquals(200, karaf.put("/api/v1/cameras/demo-promenade/analytics/motion",
                "{\"enabled\": false, \"config\": {}}").statusCode());
    }

    /** Luminance standard deviation of the live tile's picture inside the mask's area and in the right half. */
    private double[] tileDetail() {
        Object result = script("""
                const v = document.querySelector('.tile canvas.live-canvas') || document.querySelector('.tile video');
                const width = v ? v.videoWidth || v.width : 0, height = v ? v.videoHeight || v.height : 0;
                if (!v || width === 0 || Number(document.querySelector('.tile video').dataset.frames || 0) < 2) {
                  return null;
                }
                const c = document.createElement('canvas');
                c.width = width; c.height = height;
                const g = c.getContext('2d');
                g.drawImage(v, 0, 0);
                const sd = (x0, y0, x1, y1) => {
                  const d = g.getImageData(Math.ceil(x0 * c.width) + 4, Math.ceil(y0 * c.height) + 4,
                      Math.floor((x1 - x0) * c.width) - 8, Math.floor((y1 - y0) * c.height) - 8).data;
                  let n = 0, sum = 0, squares = 0;
                  for (let i = 0; i < d.length; i += 4) {
                    const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
                    n++; sum += y; squares += y * y;
                  }
                  return Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2));
                };
                return [sd(0.05, 0.1, 0.45, 0.42), sd(0.55, 0.1, 0.95, 0.9)];""");
        if (result == null) {
            return null;
        }
        List<?> values = (List<?>) result;
        return new double[] {((Number) values.get(0)).doubleValue(), ((Number) values.get(1)).doubleValue()};
    }

    private double[] playingTileDetail(String cameraId) {
        browser.findElement(By.cssSelector("[data-layout='1']")).click();
        WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).stream()
                .filter(li -> cameraId.equals(li.getAttribute("data-camera"))).findFirst().orElse(null));
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(camera).perform();
        waiting(30).until(b -> ((Number) script(FRAMES_SHOWN)).doubleValue() > 10);
        return waiting(10).until(b -> tileDetail());
    }

    @Test
    @Order(17)
    void anAdministratorDrawsAPrivacyMaskAndTheOperatorsBrowserNeverGetsItsPixels() throws Exception {
        signIn("anna", OPERATOR_PASSWORD);
        double[] before = playingTileDetail("demo-promenade");
        assertTrue(before[0] > 8, "the buildings' windows are detail before the mask: sd " + before[0]);

        signIn("admin", ADMIN_PASSWORD);
        browser.get(console() + "#manage");
        WebElement edit = waiting(20).until(b -> b.findElements(By.cssSelector(
                ".edit-masks[data-camera='demo-promenade']")).stream().findFirst().orElse(null));
        edit.click();
        WebElement canvas = waiting(30).until(b -> b.findElements(By.cssSelector(".privacy-canvas")).stream()
                .filter(c -> Integer.parseInt(c.getAttribute("width")) > 100).findFirst().orElse(null));
        org.openqa.selenium.Rectangle box = canvas.getRect();
        for (double[] corner : new double[][] {{0.05, 0.1}, {0.45, 0.1}, {0.45, 0.42}, {0.05, 0.42}}) {
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(canvas,
                    (int) Math.round((corner[0] - 0.5) * box.getWidth()),
                    (int) Math.round((corner[1] - 0.5) * box.getHeight())).click().perform();
        }
        browser.findElement(By.cssSelector(".close-mask")).click();
        assertEquals("1", canvas.getAttribute("data-masks"));
        browser.findElement(By.cssSelector(".save-masks")).click();
        waiting(20).until(b -> b.findElement(By.cssSelector(".privacy-status")).getText().equals("Opgeslagen."));
        var stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(karaf.get(
                "/api/v1/cameras/demo-promenade/privacy-masks", true).body()).get("masks");
        assertEquals(1, stored.size());
        assertEquals(0.45, stored.get(0).get("polygon").get(1).get(0).asDouble(), 0.02, stored.toString());
        assertTrue(karaf.get("/api/v1/audit?limit=30", true).body().contains("privacy.unmask"),
                "the editor's unmasked still is audited");

        signIn("anna", OPERATOR_PASSWORD);
        double[] after = playingTileDetail("demo-promenade");
        assertTrue(after[0] < 3, "no detail inside the mask in the operator's browser: sd " + after[0]);
        assertTrue(after[1] > 8, "the rest of the picture keeps its detail: sd " + after[1]);
        assertEquals(200, karaf.put("/api/v1/cameras/demo-promenade/privacy-masks", "{\"masks\": []}")
                .statusCode());
    }

    /**
     * A small tile of a 2×2 wall plays the camera's sub-stream; full screen switches it to the main stream and back,
     * the new stream starting beneath the picture shown, so the tile never goes black in between.
     */
    @Test
    @Order(18)
    void aSmallTileTakesTheSubStreamAndFullScreenTheMainWithoutABlackFrame() throws Exception {
        Path folder = Files.createTempDirectory("uitkijk-console-streams");
        try (RtspCameraSimulator stream = RtspCameraSimulator.start(folder, 2)) {
            karaf.addRtspCamera("it-two-streams", "Twee stromen", stream.url(1));
            assertEquals(200, karaf.put("/api/v1/cameras/it-two-streams", """
                    {"id": "it-two-streams", "name": "Twee stromen", "driver": "rtsp",
                     "config": {"url": "%s", "subUrl": "%s"}, "location": {"lat": 50.8879, "lon": 5.9797},
                     "designationId": "centrum-heerlen-demo"}""".formatted(stream.url(1), stream.url(2)))
                    .statusCode());
            waiting(60).until(b -> karaf.get("/api/v1/cameras/it-two-streams", true).body().contains("\"sub\""));
            signIn("anna", OPERATOR_PASSWORD);
            browser.findElement(By.cssSelector("[data-layout='4']")).click();
            script("document.querySelectorAll('.tile .remove').forEach((b) => b.click());"); // an empty wall
            WebElement camera = waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).stream()
                    .filter(li -> "it-two-streams".equals(li.getAttribute("data-camera"))).findFirst().orElse(null));
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(camera).perform();
            String tile = ".tile[data-camera='it-two-streams']";
            assertEquals("0", browser.findElement(By.cssSelector(tile)).getAttribute("data-index"));
            waiting(30).until(b -> "playing".equals(b.findElement(By.cssSelector(tile)).getAttribute("data-state")));
            assertEquals("sub", browser.findElement(By.cssSelector(tile)).getAttribute("data-profile"));
            // from now on, count the moments the tile shows no picture
            script("""
                    window.blackMoments = 0;
                    window.blackWatch = setInterval(() => {
                      const t = document.querySelector(arguments[0]);
                      const shown = [...t.querySelectorAll('video:not(.incoming):not([hidden])')]
                          .some(v => v.readyState >= 2)
                        || [...t.querySelectorAll('canvas.live-canvas:not(.incoming)')].some(c => c.dataset.shown);
                      if (!shown) window.blackMoments++;
                    }, 40);""", tile);
            browser.findElement(By.cssSelector(tile + " .full")).click();
            waiting(30).until(b -> "main".equals(b.findElement(By.cssSelector(tile)).getAttribute("data-profile")));
            assertEquals(1, browser.findElements(By.cssSelector(tile + " video")).size(),
                    "the sub-stream's player is gone");
            script("document.exitFullscreen();");
            waiting(30).until(b -> "sub".equals(b.findElement(By.cssSelector(tile)).getAttribute("data-profile")));
            // a single tile: the main stream, switched in place; back to four: the sub-stream again
            browser.findElement(By.cssSelector("[data-layout='1']")).click();
            waiting(30).until(b -> "main".equals(b.findElement(By.cssSelector(tile)).getAttribute("data-profile")));
            browser.findElement(By.cssSelector("[data-layout='4']")).click();
            waiting(30).until(b -> "sub".equals(b.findElement(By.cssSelector(tile)).getAttribute("data-profile")));
            Thread.sleep(500);
            assertEquals(0L, ((Number) script("clearInterval(window.blackWatch); return window.blackMoments;"))
                    .longValue(), "the tile went black while switching streams (full screen, layout 1, layout 4)");
            assertEquals(204, karaf.delete("/api/v1/cameras/it-two-streams").statusCode());
        }
    }

    /**
     * An H.265 camera (libx265, live over RTSP): the server sends an hvc1 initialisation segment; the tile plays it
     * live where this browser decodes H.265 (WebCodecs or MSE say so), else shows JPEG stills of the live picture.
     */
    @Test
    @Order(19)
    void anH265CameraPlaysLiveWhereTheBrowserDecodesItElseAsStills() throws Exception {
        try (LiveRtspCamera camera = LiveRtspCamera.start(Files.createTempDirectory("uitkijk-console-hevc"), "h265")) {
            karaf.addRtspCamera("it-hevc", "H.265 camera", camera.url(LiveRtspCamera.MAIN));
            waiting(60).until(b -> karaf.get("/api/v1/cameras/it-hevc", true).body().contains("\"hevc\""));
            signIn("anna", OPERATOR_PASSWORD);
            browser.findElement(By.cssSelector("[data-layout='1']")).click();
            WebElement entry = waiting(20).until(b -> b.findElements(By.cssSelector(".camera-list li")).stream()
                    .filter(li -> "it-hevc".equals(li.getAttribute("data-camera"))).findFirst().orElse(null));
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(entry).perform();
            String state = waiting(40).until(b -> {
                Object now = script("return document.querySelector('.tile[data-camera=\"it-hevc\"]')?.dataset.state;");
                return "playing".equals(now) || "stills".equals(now) ? (String) now : null;
            });
            boolean decodes = (Boolean) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[0];
                    const mse = !!window.MediaSource
                      && MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.90"');
                    if (mse || !window.VideoDecoder) { done(mse); return; }
                    VideoDecoder.isConfigSupported({ codec: 'hvc1.1.6.L93.90' }).then(r => done(r.supported),
                      () => done(false));""");
            assertEquals(decodes ? "playing" : "stills", state, "H.265 decodable here: " + decodes);
            if (!decodes) {
                waiting(30).until(b -> script("const i = document.querySelector('.tile img.still');"
                        + " return i && i.complete && i.naturalWidth > 0;") == Boolean.TRUE);
            }
            assertEquals(204, karaf.delete("/api/v1/cameras/it-hevc").statusCode());
        }
    }
    /**
     * The municipal control room at work, in the console: a camera's motion alarm becomes an incident that follows
     * its procedure; footage is kept with a hold; a hostile journal note stays text; closing waits for the required
     * steps (said in Dutch); the incident is handed to the police and closed; the note for the next shift is seen by
     * the supervisor who signs in next, whose figures page counts the camera's alarms; the alarm window plays the
     * recording from 10 s before an alarm.
     */
    @Test
    @Order(20)
    void aMotionAlarmBecomesAnIncidentWorkedByProcedureHandedOverAndTheNextShiftSeesTheNote() throws Exception {
        assertEquals(200, karaf.put("/api/v1/procedures/motion", """
                {"title": "Beweging buiten openingstijd", "appliesTo": ["motion"], "steps": [
                  {"text": "Bekijk de camera en de camera's ernaast", "required": true},
                  {"text": "Bel handhaving", "required": true, "noteRequired": true},
                  {"text": "Politie bij inbraak"}]}""").statusCode());
        assertEquals(0, karaf.shell("feature:install uitkijk-driver-hikvision").exitCode());
        waiting(60).until(b -> karaf.get("/api/v1/drivers", true).body().contains("\"hikvision\""));
        try (HikvisionCameraSimulator dome = HikvisionCameraSimulator.start("admin", "Dome-2026")) {
            addDome(dome, "it-incident-dome", "Dome Stationsplein");
            signIn("anna", OPERATOR_PASSWORD);
            waiting(20).until(b -> b.findElements(By.cssSelector(".alarm-list")).size() == 1);
            dome.emitMotion(2);
            String alarm = waiting(30).until(b -> (String) script("const a = [...document.querySelectorAll("
                    + "'.alarm-list .alarm')].find(a => a.innerText.includes('it-incident-dome') && a.innerText"
                    + ".includes('motion')); return a ? a.dataset.alarm : null;"));
            waiting(10).until(b -> {
                b.findElement(By.cssSelector(".alarm[data-alarm='" + alarm + "'] .alarm-incident")).click();
                return true;
            });
            String incident = waiting(20).until(b -> b.findElements(By.cssSelector(".incident-head")).stream()
                    .map(head -> head.getAttribute("data-incident")).findFirst().orElse(null));
            assertTrue(browser.getCurrentUrl().endsWith("#incidents/" + incident), browser.getCurrentUrl());
            assertEquals(3, browser.findElements(By.cssSelector(".steps .step")).size(), "the motion procedure");
            var stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    karaf.get("/api/v1/alarms/" + alarm, true).body());
            assertEquals("anna", stored.get("acknowledgedBy").asText(), "the alarm is acknowledged by the incident");

            // a hostile note is shown as the text it is
            String hostile = "<img src=x onerror=\"window.pwned=1\"> ruzie bij de kiosk";
            browser.findElement(By.cssSelector(".journal-form textarea")).sendKeys(hostile);
            browser.findElement(By.cssSelector(".journal-form button")).click();
            waiting(20).until(b -> hostile.equals(script("const e = [...document.querySelectorAll('.journal .entry"
                    + ".kind-note .text')].pop(); return e ? e.textContent : null;")));
            assertEquals(0L, script("return document.querySelectorAll('.journal img').length;"));
            assertEquals(Boolean.TRUE, script("return window.pwned === undefined;"));

            // a stretch of the dome's recording is kept with a hold
            browser.findElement(By.cssSelector(".bookmark-form input[name=label]")).sendKeys("inbreker bij de deur");
            browser.findElement(By.cssSelector(".bookmark-form button")).click();
            waiting(20).until(b -> b.findElements(By.cssSelector(".bookmarks li")).stream()
                    .anyMatch(li -> !li.getAttribute("data-hold").isEmpty()));
            assertTrue(karaf.shell("vms:hold-list").output().contains("incident-" + incident));

            // closing before the required steps: refused, in the console's language
            browser.findElement(By.cssSelector(".close-form button")).click();
            waiting(20).until(b -> b.findElement(By.cssSelector(".incident-message")).getText()
                    .equals("Eerst de verplichte stappen afvinken: 1, 2."));
            browser.findElement(By.cssSelector(".step[data-step='1'] .tick-form button")).click();
            waiting(20).until(b -> b.findElements(By.cssSelector(".step[data-step='1'].ticked")).size() == 1);
            browser.findElement(By.cssSelector(".step[data-step='2'] .tick-form input[name=note]"))
                    .sendKeys("handhaving rijdt erheen");
            browser.findElement(By.cssSelector(".step[data-step='2'] .tick-form button")).click();
            waiting(20).until(b -> b.findElements(By.cssSelector(".step[data-step='2'].ticked")).size() == 1);

            // escalation: handed to the police
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".hand-over select")))
                    .selectByValue("police");
            browser.findElement(By.cssSelector(".hand-over button")).click();
            waiting(20).until(b -> "HANDED_OVER".equals(b.findElement(By.cssSelector(".incident-head"))
                    .getAttribute("data-state")));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".close-form select")))
                    .selectByValue("resolved");
            browser.findElement(By.cssSelector(".close-form button")).click();
            waiting(20).until(b -> "CLOSED".equals(b.findElement(By.cssSelector(".incident-head"))
                    .getAttribute("data-state")));
            assertTrue(browser.findElements(By.cssSelector(".journal-form")).isEmpty(), "a closed incident is read only");
            assertTrue(!karaf.shell("vms:hold-list").output().contains("incident-" + incident),
                    "closed as resolved: the footage follows the normal retention again");

            // a note for the next shift, and a second incident left open for it
            browser.get(console() + "#incidents");
            WebElement note = waiting(20).until(b -> b.findElement(By.cssSelector(".shift-note textarea")));
            note.sendKeys("Dome Stationsplein: beweging bij de deur, handhaving ingelicht");
            browser.findElement(By.cssSelector(".shift-note button")).click();
            waiting(20).until(b -> b.findElements(By.cssSelector(".shift-panel .shift-notes .text")).stream()
                    .anyMatch(e -> e.getText().startsWith("Dome Stationsplein")));
            assertTrue(browser.findElements(By.cssSelector(".on-duty li")).stream()
                    .anyMatch(li -> "anna".equals(li.getAttribute("data-user"))), "anna is on duty");
            browser.findElement(By.cssSelector(".new-incident input[name=title]")).sendKeys("Jongeren bij de kiosk");
            browser.findElement(By.cssSelector(".new-incident button")).click();
            waiting(20).until(b -> b.findElements(By.cssSelector(".incident-head")).size() == 1);

            // the supervisor of the next shift sees it at sign-in
            WebElement form = signInForm();
            form.findElement(By.name("user")).sendKeys("sven");
            form.findElement(By.name("password")).sendKeys(SUPERVISOR_PASSWORD);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement handover = waiting(20).until(b -> b.findElement(By.cssSelector("dialog.handover[open]")));
            assertTrue(handover.getText().contains("Dome Stationsplein: beweging bij de deur, handhaving ingelicht"),
                    handover.getText());
            assertTrue(handover.getText().contains("Jongeren bij de kiosk"), handover.getText());
            handover.findElement(By.cssSelector(".handover-read")).click();
            waiting(10).until(b -> b.findElements(By.cssSelector("dialog.handover")).isEmpty());

            // the figures page counts the dome's motion alarms as the server stored them
            var alarms = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    karaf.get("/api/v1/alarms?limit=500", true).body());
            long motion = java.util.stream.StreamSupport.stream(alarms.spliterator(), false)
                    .filter(a -> "it-incident-dome".equals(a.path("cameraId").asText())
                            && "motion".equals(a.path("type").asText())).count();
            browser.get(console() + "#figures");
            WebElement row = waiting(20).until(b -> b.findElement(By.cssSelector(
                    ".alarm-counts tr[data-camera='it-incident-dome'][data-type='motion']")));
            assertEquals(String.valueOf(motion), row.getAttribute("data-count"));
            assertTrue(browser.findElements(By.cssSelector(".plot-times canvas")).size() == 1, "the times are plotted");
            assertTrue(browser.findElements(By.cssSelector(".plot-counts canvas")).size() == 1, "the counts too");
            assertTrue(Double.parseDouble(browser.findElement(By.cssSelector(".false-share"))
                    .getAttribute("data-share")) >= 0);
            assertEquals(204, karaf.delete("/api/v1/cameras/it-incident-dome").statusCode());
        }
    }

    /** The alarm window shows the camera's recording from 10 s before the alarm, then live. */
    @Test
    @Order(21)
    void theAlarmWindowPlaysTheRecordingFromTenSecondsBeforeTheAlarmThenLive() throws Exception {
        Thread.sleep(12_000); // the demo camera has been recording; an alarm with 10 s before it
        assertEquals(201, karaf.post("/api/v1/alarms", """
                {"cameraId": "demo-promenade", "type": "fight", "priority": "HIGH",
                 "description": "Opstootje bij de promenade"}""").statusCode());
        signIn("sven", SUPERVISOR_PASSWORD);
        String alarm = waiting(30).until(b -> (String) script("const a = [...document.querySelectorAll("
                + "'.alarm-list .alarm')].find(a => a.innerText.includes('Opstootje')); return a ? a.dataset.alarm"
                + " : null;"));
        waiting(10).until(b -> {
            b.findElement(By.cssSelector(".alarm[data-alarm='" + alarm + "'] .alarm-show")).click();
            return true;
        });
        waiting(30).until(b -> "prealarm".equals(b.findElement(By.cssSelector(".alarm-tile")).getAttribute("data-mode"))
                && (Boolean) script("const v = document.querySelector('.alarm-tile video'); return v.readyState >= 2"
                        + " && v.duration > 5;"));
        waiting(60).until(b -> "live".equals(b.findElement(By.cssSelector(".alarm-tile")).getAttribute("data-mode")));
        browser.findElement(By.cssSelector(".alarm-tile-close")).click();
        assertTrue(browser.findElements(By.cssSelector(".alarm-tile")).isEmpty());
    }

    /** A reason the server gives (here the legal basis's) reads in the console's language. */
    @Test
    @Order(22)
    void theServersReasonsReadInTheConsolesLanguage() {
        signIn("anna", OPERATOR_PASSWORD);
        String reason = "{code: 'legal.outside-window', params: {designation: 'Centrum', windows: 'FRI,SAT 22:00–06:00'}, "
                + "message: 'live view is allowed only Fri, Sat 22:00–06:00'}";
        String describe = "const done = arguments[0]; import('./reasons.js').then(m => done(m.describeReason(" + reason
                + ")));";
        assertEquals("Live kijken mag alleen vr, za 22:00–06:00 (aanwijzing ‘Centrum’).",
                ((JavascriptExecutor) browser).executeAsyncScript(describe));
        browser.findElement(By.cssSelector("[data-lang='en']")).click();
        assertEquals("Live view is allowed only Fri, Sat 22:00–06:00 (designation ‘Centrum’).",
                ((JavascriptExecutor) browser).executeAsyncScript(describe));
        browser.findElement(By.cssSelector("[data-lang='nl']")).click();
        // a close frame's "code: message", and a code this console does not know (the server's words then)
        assertEquals("U bent afgemeld.", ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                + " import('./reasons.js').then(m => done(m.describeReason(m.closeReason('rights.signed-out: signed out'))));"));
        assertEquals("something new", ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
                + " import('./reasons.js').then(m => done(m.describeReason({code: 'legal.new-kind', message: "
                + "'something new'})));"));
    }
    /** A tender team's account (role procurement) opens on the plugin catalogue: read only, in Dutch, printable. */
    @Test
    @Order(23)
    void procurementReadsThePluginCatalogueAndNothingElse() throws Exception {
        assertEquals(201, karaf.post("/api/v1/users", "{\"name\": \"ines\", \"password\": \"" + POLICE_PASSWORD
                + "\", \"role\": \"procurement\"}").statusCode());
        WebElement form = signInForm();
        form.findElement(By.name("user")).sendKeys("ines");
        form.findElement(By.name("password")).sendKeys(POLICE_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(30).until(b -> b.findElements(By.cssSelector("table.catalogue tr[data-plugin]")).size() >= 12);
        assertTrue(browser.getCurrentUrl().endsWith("#catalogue"), browser.getCurrentUrl());
        assertEquals("Plugincatalogus", browser.findElement(By.cssSelector("#catalogue h2")).getText());
        assertTrue(browser.findElements(By.cssSelector("table.catalogue tr[data-plugin]")).stream()
                .allMatch(row -> "true".equals(row.getAttribute("data-intact"))), "every plugin as the build made it");
        WebElement lpr = browser.findElement(By.cssSelector(".plugin-report[data-plugin='uitkijk-analytics-lpr']"));
        assertTrue(lpr.getText().contains("camerabeelden, kentekens") && lpr.getText().contains("EPL-2.0")
                && lpr.getText().contains("onnxruntime"), lpr.getText());
        assertTrue(!browser.findElement(By.cssSelector("#nav a[href='#wall']")).isDisplayed(), "no wall");
        assertTrue(!browser.findElement(By.id("nav-plugins")).isDisplayed(), "no installing");
        assertEquals(1, browser.findElements(By.cssSelector("#catalogue button.print")).size());
        WebElement onvif = browser.findElement(By.cssSelector(".plugin-report[data-plugin='uitkijk-driver-onvif']"));
        assertTrue(onvif.getText().contains("CPU (% van één kern)") && onvif.getText().contains("per camera online")
                && onvif.getText().contains("niet gecertificeerd in deze installatie"), onvif.getText());
        assertEquals(0, browser.findElements(By.cssSelector("#catalogue button.certify")).size(), "no certifying");
        assertEquals(1, lpr.findElements(By.cssSelector("button.print-one")).size(), "each plugin's report prints alone");
        String csrf = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[0];
                fetch('/api/v1/session', {headers: {'X-Requested-With': 'uitkijk-console'}})
                  .then(r => r.json()).then(s => done(s.csrfToken));""");
        assertEquals(403L, fetchStatus("PUT", "/api/v1/plugins/uitkijk-driver-axis", csrf),
                "the server refuses procurement any change, with a valid session token too");
        assertEquals(200L, fetchStatus("GET", "/api/v1/plugins/catalogue", null));
    }

    @Test
    @Order(24)
    void anAdministratorCertifiesADriverFromTheCatalogueAndProcurementReadsItSigned() throws Exception {
        Path home = Path.of(System.getProperty("uitkijk.karaf.home"));
        Files.writeString(home.resolve("etc/nl.uitkijk.certification.cfg"), "testData = "
                + nl.uitkijk.testkit.TestData.require("onvif").getParent().toAbsolutePath() + "\n");
        ShellResult installed = karaf.shell("feature:install uitkijk-certification");
        assertEquals(0, installed.exitCode(), installed.output());
        KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/plugins/certification-key", true)
                .statusCode() == 200, "the certification service did not come");
        signInAs("admin", ADMIN_PASSWORD);
        waiting(20).until(b -> b.findElement(By.id("nav-catalogue")).isDisplayed());
        browser.findElement(By.id("nav-catalogue")).click();
        By onvif = By.cssSelector(".plugin-report[data-plugin='uitkijk-driver-onvif']");
        waiting(30).until(b -> b.findElement(onvif).findElement(By.cssSelector("button.certify"))).click();
        waiting(120).until(b -> b.findElement(onvif).getText().contains("gecertificeerd op"));
        assertTrue(browser.findElement(onvif).getText().contains("door deze installatie"),
                browser.findElement(onvif).getText());
        signInAs("ines", POLICE_PASSWORD);
        String read = waiting(30).until(b -> {
            String text = b.findElement(onvif).getText();
            return text.contains("gecertificeerd op") ? text : null;
        });
        assertTrue(read.contains("✓ gecertificeerd op"), "procurement reads the signed verdict: " + read);
        assertEquals(0, browser.findElements(By.cssSelector("#catalogue button.certify")).size(), "no certifying");
    }
}
