package nl.uitkijk.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The built Uitkijk distribution, started as a real process ({@code bin/karaf server}) on free loopback ports and
 * driven over HTTP and {@code bin/client}, as an administrator would.
 */
final class KarafInstance implements AutoCloseable {

    final Path home;
    final int httpPort;
    /** HTTPS, as anything from outside the machine speaks it; the tests use it too. */
    final int httpsPort;
    final int sshPort;
    private final Path stdout;
    private HttpClient http;
    private Process process;
    private String password;

    KarafInstance(Path home) throws IOException {
        this.home = home;
        this.httpPort = freePort();
        this.httpsPort = freePort();
        this.sshPort = freePort();
        this.stdout = home.resolve("stdout.log");
        setPort("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        setPort("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", httpsPort);
        setPort("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort);
        setPort("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
        setPort("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
    }

    /** Wipes data and accounts, as on a fresh installation. */
    void reset() throws IOException {
        deleteTree(home.resolve("data"));
        Path users = home.resolve("etc/users.properties");
        String kept = Files.readAllLines(users).stream().filter(line -> !line.startsWith("admin") && !line.startsWith("beheer"))
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(users, kept);
        Files.deleteIfExists(home.resolve("etc/uitkijk-admin.created")); // the record of the first start
        // a fresh installation makes its own HTTPS certificate and key for camera passwords
        Files.deleteIfExists(home.resolve("etc/uitkijk-https.p12"));
        Files.deleteIfExists(home.resolve("etc/uitkijk-secrets.key"));
        Path web = home.resolve("etc/org.ops4j.pax.web.cfg");
        Files.writeString(web, Files.readString(web).replaceAll("(?m)^(org\\.ops4j\\.pax\\.web\\.ssl\\.(keystore|key)"
                + "\\.password) = .*$", "$1 = @UITKIJK_HTTPS_PASSWORD@"));
    }

    /**
     * An HTTP client that trusts this installation's certificate (made by bin/setenv on its first start) and no
     * other, and checks the host name against it.
     */
    HttpClient client() {
        if (http == null) {
            try {
                String config = Files.readString(home.resolve("etc/org.ops4j.pax.web.cfg"));
                java.util.regex.Matcher password = java.util.regex.Pattern.compile(
                        "(?m)^org\\.ops4j\\.pax\\.web\\.ssl\\.keystore\\.password = (\\S+)$").matcher(config);
                if (!password.find()) {
                    throw new IllegalStateException("no keystore password in etc/org.ops4j.pax.web.cfg");
                }
                java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(home.resolve("etc/uitkijk-https.p12"))) {
                    store.load(in, password.group(1).toCharArray());
                }
                java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry("uitkijk", store.getCertificate("uitkijk"));
                javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
                javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
                tls.init(null, trust.getTrustManagers(), null);
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("the installation's HTTPS certificate cannot be read", e);
            }
        }
        return http;
    }

    /**
     * For Chromium's {@code --ignore-certificate-errors-spki-list}: the SHA-256 of this installation's public key
     * (base64), so the browser trusts this self-signed certificate and no other.
     */
    String certificateSpki() {
        try {
            String config = Files.readString(home.resolve("etc/org.ops4j.pax.web.cfg"));
            java.util.regex.Matcher password = java.util.regex.Pattern.compile(
                    "(?m)^org\\.ops4j\\.pax\\.web\\.ssl\\.keystore\\.password = (\\S+)$").matcher(config);
            password.find();
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(home.resolve("etc/uitkijk-https.p12"))) {
                store.load(in, password.group(1).toCharArray());
            }
            return Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(store.getCertificate("uitkijk").getPublicKey().getEncoded()));
        } catch (IOException | java.security.GeneralSecurityException | IllegalStateException e) {
            throw new IllegalStateException("the installation's HTTPS certificate cannot be read", e);
        }
    }

    /** Where the product answers from outside the machine: HTTPS. */
    String base() {
        return "https://localhost:" + httpsPort;
    }

    /** Its WebSockets (wss). */
    String socketBase() {
        return "wss://localhost:" + httpsPort;
    }

    /**
     * Starts the server and waits for a 200 from the health endpoint.
     *
     * @param adminPassword the value of UITKIJK_ADMIN_PASSWORD, or {@code null} to have one generated
     * @return seconds from start to the first 200 from health
     */
    double start(String adminPassword) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(stdout.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("UITKIJK_ADMIN_PASSWORD");
        if (adminPassword != null) {
            env.put("UITKIJK_ADMIN_PASSWORD", adminPassword);
        }
        long started = System.nanoTime();
        process = builder.start();
        http = null; // a first start makes a new certificate
        password = adminPassword;
        try {
            await(Duration.ofMinutes(3), () -> Files.exists(home.resolve("etc/uitkijk-https.p12"))
                    && status(get("/api/v1/health", false)) == 200, "health did not answer 200 over HTTPS");
        } catch (AssertionError e) {
            // what the boot was doing: its threads, the log (kept beside the installation) and the console output
            throw new AssertionError(e.getMessage() + "\n" + diagnostics() + "\n--- stdout tail ---\n"
                    + tail(stdout), e);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    String stdout() throws IOException {
        return Files.readString(stdout);
    }

    void password(String newPassword) {
        this.password = newPassword;
    }

    HttpResponse<String> get(String path, boolean authenticated) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), authenticated);
    }

    /** A GET as the admin, answered as bytes (videos). */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", basic("admin", password))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getAs(String path, String user, String userPassword) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", basic(user, userPassword)),
                false);
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), true);
    }

    /**
     * A request as a user (the admin when {@code user} is null), any method and body, answered as bytes: for the
     * per-role tests of endpoints that take or give pictures.
     */
    HttpResponse<byte[]> send(String user, String userPassword, String method, String path, byte[] body,
            String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType).header("Authorization", user == null ? basic("admin", password)
                        : basic(user, userPassword))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        return client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON request to {@code /api/v1/<path>} as a user ({@code body} null: none), answered as bytes. */
    HttpResponse<byte[]> api(String user, String userPassword, String method, String path, String body)
            throws IOException, InterruptedException {
        return send(user, userPassword, method, "/api/v1/" + path, body == null ? null
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
    }

    /** A response's body as text. */
    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Creates an account per role ({@code role → name}), all with one password. */
    void createUsers(java.util.Map<String, String> names, String userPassword) throws InterruptedException {
        for (java.util.Map.Entry<String, String> user : names.entrySet()) {
            // health answers before every REST resource is registered: the users resource may come a moment later
            await(Duration.ofSeconds(60), () -> {
                int status = status(post("/api/v1/users", "{\"name\":\"" + user.getValue() + "\",\"password\":\""
                        + userPassword + "\",\"role\":\"" + user.getKey() + "\"}"));
                return status == 201 || status == 409;
            }, "account " + user.getValue() + " not created");
        }
    }

    /** Installs the RTSP driver (if need be) and adds an RTSP camera under the demo designation of the centre. */
    void addRtspCamera(String id, String name, String url) throws Exception {
        if (shell("feature:install uitkijk-driver-rtsp").exitCode() != 0) {
            throw new AssertionError("the rtsp driver did not install");
        }
        await(Duration.ofSeconds(60), () -> {
            HttpResponse<String> drivers = get("/api/v1/drivers", true);
            return status(drivers) == 200 && drivers.body().contains("\"rtsp\"");
        }, "the rtsp driver did not appear");
        HttpResponse<String> added = post("/api/v1/cameras", "{\"id\": \"" + id + "\", \"name\": \"" + name
                + "\", \"driver\": \"rtsp\", \"config\": {\"url\": \"" + url + "\"}, \"location\": {\"lat\": 50.8879, "
                + "\"lon\": 5.9797}, \"designationId\": \"centrum-heerlen-demo\"}");
        if (status(added) != 201) {
            throw new AssertionError("camera " + id + " not added: " + (added == null ? "no answer" : added.body()));
        }
    }

    /** Runs console commands through {@code bin/client} in batch mode, as the admin; answers what it printed. */
    ShellResult shell(String commands) throws Exception {
        ProcessBuilder clientBuilder = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                Integer.toString(sshPort), "-u", "admin", "-p", password, "-r", "10", "-d", "2", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        clientBuilder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = clientBuilder.start();
        client.getOutputStream().write((commands + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(2, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + output);
        }
        // Strip the ANSI colours of the console so tests compare plain text.
        return new ShellResult(client.exitValue(), output.replaceAll("\u001B\\[[;\\d]*m", ""));
    }

    record ShellResult(int exitCode, String output) {
    }

    static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    static void await(Duration timeout, BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(failure);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean authenticated) {
        if (authenticated) {
            request.header("Authorization", basic("admin", password));
        }
        try {
            return client().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalStateException e) {
            return null; // not up yet (or its certificate not yet written)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }

    private static String basic(String user, String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + userPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void setPort(String file, String key, int port) throws IOException {
        Path path = home.resolve(file);
        String text = Files.exists(path) ? Files.readString(path) : "";
        String replaced = text.replaceAll("(?m)^\\s*" + key.replace(".", "\\.") + "\\s*=.*$", key + " = " + port);
        if (replaced.equals(text) && !text.matches("(?s).*^" + key + " = " + port + "$.*")) {
            replaced = text + "\n" + key + " = " + port + "\n";
        }
        Files.writeString(path, replaced);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** The Karaf JVM's threads (jstack) and the log's tail: what a failing wait needs to be understood. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        try {
            for (ProcessHandle handle : process.descendants().filter(h -> h.info().command().orElse("")
                    .endsWith("java")).toList()) {
                Process jstack = new ProcessBuilder(System.getProperty("java.home") + "/bin/jstack",
                        Long.toString(handle.pid())).redirectErrorStream(true).start();
                out.append(new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                jstack.waitFor(30, TimeUnit.SECONDS);
            }
            String log = Files.readString(home.resolve("data/log/karaf.log"));
            Path kept = home.getParent().resolve("karaf-" + System.currentTimeMillis() + ".log");
            Files.writeString(kept, log);
            out.append("\n(full log in ").append(kept).append(')');
            out.append("\n--- karaf.log tail ---\n").append(log.substring(Math.max(0, log.length() - 8000)));
        } catch (Exception e) {
            out.append("diagnostics failed: ").append(e);
        }
        return out.toString();
    }

    /** Stops as an administrator would (the JVM gets SIGTERM and Karaf shuts down in order), and waits for it. */
    void stop() throws Exception {
        if (process == null) {
            return;
        }
        // bin/karaf runs Java as a child: signal the JVM itself and wait for every process to end.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    /** Kills the JVM without warning (SIGKILL), as a power cut would. */
    void kill() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
