package nl.uitkijk.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.itests.KarafInstance.ShellResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of the published OpenAPI document, called by every role and by no one, each also through
 * spellings of its URL that a path-string check would misread (matrix parameters, encoded and doubled slashes, a
 * trailing slash, other case, dot segments, percent-encoded letters). What the document's {@code x-uitkijk-roles}
 * does not allow must be refused before the operation runs, whatever the spelling; what it allows must not be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationIT {

    private static final String ADMIN_PASSWORD = "It-Rollen-2026!";
    private static final String PASSWORD = "Rollen-Test-2026";
    private static final String SHARED = "demo-promenade";
    private static final String SCRAPE_TOKEN = "prometheus-scrape-token-of-heerlen-2026";
    private static final String NOT_SHARED = "demo-pancratiusplein";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The principals tried: the Uitkijk roles, Karaf's own viewer role, and no one. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("admin", "admin");
        USERS.put("operator", "rol-operator");
        USERS.put("supervisor", "rol-supervisor");
        USERS.put("auditor", "rol-auditor");
        USERS.put("police", "rol-police");
        USERS.put("procurement", "rol-procurement");
        USERS.put("viewer", "rol-karafviewer"); // Karaf's viewer role: no Uitkijk role at all
        USERS.put("", null);
    }

    private KarafInstance karaf;

    @BeforeAll
    void start() throws Exception {
        Path home = Path.of(System.getProperty("uitkijk.karaf.home"));
        karaf = new KarafInstance(home);
        karaf.reset();
        java.nio.file.Files.writeString(home.resolve("etc/nl.uitkijk.rest.metrics.cfg"), "scrapeToken = " + SCRAPE_TOKEN
                + "\n");
        karaf.start(ADMIN_PASSWORD);
        for (String role : List.of("operator", "supervisor", "auditor", "police", "procurement")) {
            // health answers before every REST resource is registered: the users resource may come a moment later
            KarafInstance.await(Duration.ofSeconds(60), () -> {
                HttpResponse<String> created = karaf.post("/api/v1/users", "{\"name\":\"" + USERS.get(role)
                        + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}");
                return created != null && (created.statusCode() == 201 || created.statusCode() == 409);
            }, "account for " + role + " not created");
        }
        ShellResult viewer = karaf.shell("jaas:realm-manage --realm karaf\njaas:user-add rol-karafviewer " + PASSWORD
                + "\njaas:role-add rol-karafviewer viewer\njaas:update");
        assertEquals(0, viewer.exitCode(), viewer.output());
        assertEquals(204, karaf.put("/api/v1/cameras/" + SHARED + "/shares/police", "").statusCode());
        // the optional plugin certification too, so its operations are behind their roles like every other
        ShellResult certification = karaf.shell("feature:install uitkijk-certification");
        assertEquals(0, certification.exitCode(), certification.output());
        KarafInstance.await(Duration.ofSeconds(60), () -> karaf.get("/api/v1/plugins/certification-key", true)
                .statusCode() == 200, "the certification service did not come");
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.stop();
        }
    }

    /** One operation of the document with its path parameters filled in. */
    private record Operation(String method, String template, String path, List<String> roles) {
        boolean allows(String role) {
            return roles.isEmpty() || !role.isEmpty() && (roles.contains("*") || roles.contains(role));
        }
    }

    private List<Operation> operations(String camera) throws Exception {
        JsonNode paths = JSON.readTree(karaf.get("/api/v1/openapi.json", false).body()).get("paths");
        List<Operation> operations = new ArrayList<>();
        paths.fieldNames().forEachRemaining(template -> paths.get(template).fields().forEachRemaining(entry -> {
            if (entry.getKey().equals("parameters")) {
                return;
            }
            List<String> roles = new ArrayList<>();
            JsonNode declared = entry.getValue().get("x-uitkijk-roles");
            assertTrue(declared != null && declared.isArray(), entry.getKey() + " " + template + " states its roles");
            declared.forEach(role -> roles.add(role.asText()));
            String path = template.replace("{id}", template.startsWith("/cameras") ? camera
                    : template.startsWith("/designations") ? "centrum-heerlen-demo" : template.startsWith("/alarms")
                            || template.startsWith("/incidents") ? "1" : "x")
                    .replace("{step}", "1").replace("{version}", "1")
                    .replace("{party}", "police").replace("{entry}", "x").replace("{moduleId}", "motion")
                    .replace("{plate}", "GZ123X").replace("{name}",
                            template.startsWith("/me/") ? "wall" : template.startsWith("/plugins")
                                    ? "uitkijk-driver-axis" : "rol-nobody");
            if (template.endsWith("/live")) {
                path += "?seconds=1";
            }
            operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), template, path, roles));
        }));
        assertTrue(operations.size() > 40, "operations in the document: " + operations.size());
        return operations;
    }

    /** The same request (a path under /api/v1), spelt as a client or an attacker might. The first is the plain one. */
    static List<String> spellings(String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String bare = path.substring(0, path.length() - query.length());
        List<String> segments = List.of(bare.substring(1).split("/"));
        String rest = bare.substring(segments.get(0).length() + 1); // after the first segment, with its slash
        List<String> variants = List.of(
                bare,
                bare + "/",
                bare + ";x=1",
                "/" + String.join(";x=1/", segments) + ";x=1",
                "/" + String.join("//", segments),
                "/" + String.join("%2F", segments),
                "/" + segments.get(0).toUpperCase(Locale.ROOT) + rest,
                "/x/.." + bare,
                "/%2e%2e/v1" + bare,
                "/%" + Integer.toHexString(bare.charAt(1)) + bare.substring(2));
        List<String> spellings = new ArrayList<>();
        for (String variant : variants) {
            spellings.add("/api/v1" + variant + query);
        }
        spellings.add("//api/v1" + bare + query);
        return spellings;
    }

    private HttpResponse<String> call(String method, String path, String role) throws Exception {
        return call(method, path, role, "{}");
    }

    private HttpResponse<String> call(String method, String path, String role, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(karaf.base() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        String user = USERS.get(role);
        if (user != null) {
            String password = role.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return karaf.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refusedForRole(HttpResponse<String> response) {
        return response.statusCode() == 401 || response.statusCode() == 403 && response.body().contains("\"forbidden\"");
    }

    @Test
    void everyOperationRefusesEveryRoleItDoesNotAllowWhateverTheUrlsSpelling() throws Exception {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations(SHARED)) {
            for (String role : USERS.keySet()) {
                if (operation.allows(role)) {
                    continue;
                }
                for (String spelling : spellings(operation.path())) {
                    HttpResponse<String> response = call(operation.method(), spelling, role);
                    calls++;
                    int status = response.statusCode();
                    boolean plain = spelling.equals("/api/v1" + operation.path());
                    // the plain spelling must be refused as such; another may also not route at all (404/405)
                    boolean refused = plain ? refusedForRole(response) : refusedForRole(response) || status == 404
                            || status == 405;
                    if (!refused) {
                        failures.add(operation.method() + " " + spelling + " as '" + role + "': " + status + " "
                                + abbreviated(response.body()));
                    }
                }
            }
        }
        System.out.println("Refusals checked: " + calls + " calls");
        assertTrue(failures.isEmpty(), failures.size() + " operations ran for a role they do not allow:\n"
                + String.join("\n", failures));
        assertEquals(4, JSON.readTree(karaf.get("/api/v1/cameras", true).body()).size(),
                "nothing refused was carried out: the four demo cameras are still there");
    }

    @Test
    void everyReadingOperationAnswersTheRolesItAllows() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations(SHARED)) {
            if (!operation.method().equals("GET")) {
                continue; // allowed changes are tested where they are built; this test changes nothing
            }
            for (String role : USERS.keySet()) {
                if (!operation.allows(role)) {
                    continue;
                }
                HttpResponse<String> response = call("GET", "/api/v1" + operation.path(), role);
                if (refusedForRole(response) || response.statusCode() >= 500) {
                    failures.add("GET " + operation.path() + " as '" + role + "': " + response.statusCode() + " "
                            + abbreviated(response.body()));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void thePoliceReachOnlyTheSharedCameraThroughAnySpelling() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations(NOT_SHARED)) {
            if (!operation.template().startsWith("/cameras/{id}") || !operation.allows("police")) {
                continue;
            }
            for (String spelling : spellings(operation.path())) {
                HttpResponse<String> response = call(operation.method(), spelling, "police");
                int status = response.statusCode();
                if (!(status == 403 || status == 404 || status == 405)) {
                    failures.add(operation.method() + " " + spelling + ": " + status + " " + abbreviated(response.body()));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        JsonNode list = JSON.readTree(call("GET", "/api/v1/cameras", "police").body());
        assertEquals(1, list.size(), "the police list only the shared camera");
        assertEquals(SHARED, list.get(0).get("id").asText());
        JsonNode shared = JSON.readTree(call("GET", "/api/v1/cameras/" + SHARED, "police").body());
        assertFalse(shared.has("config"), "the police get no camera configuration: " + shared);
        assertFalse(shared.toString().contains("rtsp://"), "nor a camera address: " + shared);
        assertTrue(JSON.readTree(call("GET", "/api/v1/cameras/" + SHARED, "operator").body()).has("config"));
    }

    @Test
    void healthTellsAnonymousCallersOnlyWhetherItIsUp() throws Exception {
        JsonNode anonymous = JSON.readTree(call("GET", "/api/v1/health", "").body());
        assertEquals(Set.of("status"), Set.copyOf(iterable(anonymous.fieldNames())), anonymous.toString());
        assertEquals("UP", anonymous.get("status").asText());
        JsonNode operator = JSON.readTree(call("GET", "/api/v1/health", "operator").body());
        assertFalse(operator.has("components"), "details are the administrator's: " + operator);
        JsonNode admin = JSON.readTree(call("GET", "/api/v1/health", "admin").body());
        assertEquals("UP", admin.at("/components/database/status").asText(), admin.toString());
    }

    @Test
    void httpsWithHstsAndSecureCookiesWhilePlainHttpServesLoopbackOnly() throws Exception {
        HttpResponse<String> secure = call("GET", "/api/v1/health", "");
        assertEquals(200, secure.statusCode());
        assertEquals("max-age=31536000", secure.headers().firstValue("Strict-Transport-Security").orElse(""));
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + karaf.httpPort + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode(), "plain HTTP on the loopback address");
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty());
        HttpResponse<String> signedIn = karaf.client().send(HttpRequest.newBuilder(URI.create(karaf.base()
                + "/api/v1/session")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"user\":\"rol-operator\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
                cookie);
        String log = java.nio.file.Files.readString(karaf.home.resolve("data/log/karaf.log"));
        assertFalse(log.contains("HTTPS is off"), "the redirect of non-loopback plain HTTP knows the HTTPS port");
    }

    @Test
    void theMetricsAreForAdministratorsAndTheScraperWithItsToken() throws Exception {
        HttpResponse<String> scraped = karaf.client().send(HttpRequest.newBuilder(URI.create(karaf.base()
                + "/api/v1/metrics")).header("Authorization", "Bearer " + SCRAPE_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scraped.statusCode(), scraped.body());
        String type = scraped.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
        assertTrue(scraped.body().contains("uitkijk_camera_up{camera=\"" + SHARED + "\"} 1"), scraped.body());
        assertTrue(scraped.body().contains("uitkijk_recording_segments_total{camera=\"" + SHARED + "\"}"),
                scraped.body());
        assertTrue(scraped.body().contains("uitkijk_storage_free_bytes"), scraped.body());
        HttpResponse<String> wrong = karaf.client().send(HttpRequest.newBuilder(URI.create(karaf.base()
                + "/api/v1/metrics")).header("Authorization", "Bearer " + SCRAPE_TOKEN + "x").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> tokenElsewhere = karaf.client().send(HttpRequest.newBuilder(URI.create(karaf.base()
                + "/api/v1/cameras")).header("Authorization", "Bearer " + SCRAPE_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, tokenElsewhere.statusCode(), "the token reads the metrics and nothing else");
        JsonNode health = JSON.readTree(call("GET", "/api/v1/health", "admin").body());
        assertTrue(health.at("/components/recording/cameras").size() >= 4, health.toString());
        assertTrue(health.at("/components/cameras").toString().contains("\"streamConnected\":true"), health.toString());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    /** A live or alarm socket, and how it closed. */
    private static final class Socket implements java.net.http.WebSocket.Listener {
        final java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int code, String reason) {
            closed.complete(code + " " + reason);
            return null;
        }

        @Override
        public void onError(java.net.http.WebSocket socket, Throwable error) {
            closed.complete("error " + error);
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket socket,
                java.nio.ByteBuffer data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data,
                boolean last) {
            socket.request(1);
            return null;
        }
    }

    private Socket open(String socketPath) throws Exception {
        Socket socket = new Socket();
        karaf.client().newWebSocketBuilder().buildAsync(URI.create(karaf.socketBase() + socketPath), socket)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        return socket;
    }

    private static String ticketOf(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("socket").asText();
    }

    /** Still open after a few seconds of rights checks, then closed by what changed, within seconds. */
    private interface Change {
        void make() throws Exception;
    }

    private static void closesOn(Socket socket, Change change, String expected) throws Exception {
        Thread.sleep(3_000);
        assertFalse(socket.closed.isDone(), "the socket is open while the right stands: " + socket.closed.getNow(""));
        change.make();
        String closed = socket.closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(closed.startsWith("1008") && closed.contains(expected), closed);
    }

    @Test
    void openSocketsEndWithinSecondsOfTheRightToWatch() throws Exception {
        // the police lose the camera when the share is withdrawn
        Socket police = open(ticketOf(call("POST", "/api/v1/live/tickets", "police",
                "{\"camera\":\"" + SHARED + "\",\"reason\":\"incident\"}")));
        closesOn(police, () -> assertEquals(204, karaf.delete("/api/v1/cameras/" + SHARED + "/shares/police")
                .statusCode()), "no longer shared");
        assertEquals(204, karaf.put("/api/v1/cameras/" + SHARED + "/shares/police", "").statusCode());

        // an operator signing out of the console ends the live and alarm sockets of that session
        ConsoleSession anna = signIn("rol-operator");
        Socket live = open(ticketOf(anna.post("/api/v1/live/tickets", "{\"camera\":\"" + SHARED + "\"}")));
        Socket alarms = open(ticketOf(anna.post("/api/v1/alarms/tickets", "{}")));
        closesOn(live, () -> assertEquals(204, anna.delete("/api/v1/session").statusCode()), "signed out");
        assertTrue(alarms.closed.get(10, java.util.concurrent.TimeUnit.SECONDS).contains("signed out"));

        // a removed account or a changed role ends the sockets opened over HTTP Basic as well
        HttpResponse<String> created = karaf.post("/api/v1/users", "{\"name\":\"rol-tijdelijk\",\"password\":\""
                + PASSWORD + "\",\"role\":\"operator\"}");
        assertEquals(201, created.statusCode(), created.body());
        USERS.put("tijdelijk", "rol-tijdelijk");
        Socket removed = open(ticketOf(call("POST", "/api/v1/alarms/tickets", "tijdelijk", "{}")));
        closesOn(removed, () -> assertEquals(204, karaf.delete("/api/v1/users/rol-tijdelijk").statusCode()),
                "account was removed");
        USERS.remove("tijdelijk");
        Socket demoted = open(ticketOf(call("POST", "/api/v1/live/tickets", "supervisor",
                "{\"camera\":\"" + SHARED + "\"}")));
        closesOn(demoted, () -> assertEquals(200, karaf.put("/api/v1/users/rol-supervisor", "{\"role\":\"auditor\"}")
                .statusCode()), "role no longer allows");
        assertEquals(200, karaf.put("/api/v1/users/rol-supervisor", "{\"role\":\"supervisor\"}").statusCode());
    }

    /** A console session: its cookie and CSRF token, as the browser holds them. */
    private record ConsoleSession(KarafInstance karaf, String cookie, String csrf) {
        HttpResponse<String> post(String path, String json) throws Exception {
            return send("POST", path, json);
        }

        HttpResponse<String> delete(String path) throws Exception {
            return send("DELETE", path, null);
        }

        private HttpResponse<String> send(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(karaf.base() + path)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .header("X-Requested-With", "uitkijk-console").header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            return karaf.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private ConsoleSession signIn(String user) throws Exception {
        HttpResponse<String> response = karaf.client().send(HttpRequest.newBuilder(URI.create(karaf.base()
                + "/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new ConsoleSession(karaf, cookie, JSON.readTree(response.body()).get("csrfToken").asText());
    }
}
