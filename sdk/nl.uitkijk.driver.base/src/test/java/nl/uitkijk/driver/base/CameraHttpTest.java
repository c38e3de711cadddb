package nl.uitkijk.driver.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.testkit.DigestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CameraHttpTest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private DigestGuard guard;

    @BeforeEach
    void start() throws IOException {
        guard = new DigestGuard("camera", "root", "s3cret", "SHA-256");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/info", exchange -> {
            requests.incrementAndGet();
            if (guard.admit(exchange)) {
                answer(exchange, 200, "<info><model>M3106</model></info>");
            }
        });
        server.createContext("/basic", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"camera\"");
            answer(exchange, 401, "");
        });
        server.createContext("/slow", exchange -> {
            sleep(5_000);
            answer(exchange, 200, "late");
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (IOException e) {
                // the client stopped reading, as it should
            }
        });
        server.createContext("/events", exchange -> {
            if (!guard.admit(exchange)) {
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("--boundary\r\n<event>one</event>\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("<event>two</event>\n".getBytes(StandardCharsets.UTF_8));
                out.write(new byte[9000]); // a "line" without an end
                out.flush();
                sleep(2_000);
            } catch (IOException e) {
                // closed by the client
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CameraHttp camera(String password) {
        return new CameraHttp(client, "127.0.0.1", server.getAddress().getPort(), "root", password,
                Duration.ofSeconds(1));
    }

    @Test
    void answersTheDigestChallengeOnceThenReusesTheNonce() throws Exception {
        CameraHttp camera = camera("s3cret");
        assertTrue(camera.get("/info").require("info").xml("info").textAt("model").equals("M3106"));
        assertEquals(2, requests.get(), "challenge + answer");
        camera.get("/info").require("info");
        camera.get("/info?x=1").require("info");
        assertEquals(4, requests.get(), "the nonce is reused with a rising count");
        assertEquals(0, guard.refused());
    }

    @Test
    void followsAStaleNonce() throws Exception {
        CameraHttp camera = camera("s3cret");
        camera.get("/info").require("info");
        guard.expireNonces();
        assertEquals(200, camera.get("/info").status());
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureNotARetryStorm() {
        CameraHttp camera = camera("wrong");
        CameraCallException e = assertThrows(CameraCallException.class, () -> camera.get("/info"));
        assertEquals(DigestSession.AUTHENTICATION_FAILED, e.getMessage());
        assertTrue(e.refused());
        assertEquals(2, requests.get());
    }

    @Test
    void refusesBasicOverPlainHttpAndSaysWhy() {
        CameraCallException e = assertThrows(CameraCallException.class, () -> camera("s3cret").get("/basic"));
        assertTrue(e.getMessage().contains("Basic authentication over plain HTTP"), e.getMessage());
    }

    @Test
    void timesOutAndBoundsTheReply() {
        assertEquals("no answer (timeout after 1 s)",
                assertThrows(CameraCallException.class, () -> camera("s3cret").get("/slow")).getMessage());
        assertTrue(assertThrows(CameraCallException.class, () -> camera("s3cret").get("/huge")).getMessage()
                .contains("larger than 2048 KiB"));
        server.stop(0);
        assertEquals("connection refused",
                assertThrows(CameraCallException.class, () -> camera("s3cret").get("/info")).getMessage());
    }

    @Test
    void staysOnTheConfiguredHost() {
        assertEquals("127.0.0.1", camera("s3cret").uri("http://198.51.100.7/x").getHost());
        assertThrows(IllegalArgumentException.class, () -> camera("s3cret").uri("//198.51.100.7/x"));
    }

    @Test
    void streamsLinesAndEndsOnAnEndlessLine() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LineStream stream = camera("s3cret").stream("/events", 4096, lines::add)) {
            ExecutionException ended = assertThrows(ExecutionException.class,
                    () -> stream.ended().get(5, TimeUnit.SECONDS));
            assertTrue(ended.getCause().getMessage().contains("longer than 4096 bytes"), ended.getMessage());
        }
        assertEquals(List.of("--boundary", "<event>one</event>", "<event>two</event>"), lines);
    }

    @Test
    void aStreamWithTheWrongPasswordFailsWithTheReason() {
        try (LineStream stream = camera("wrong").stream("/events", 4096, line -> { })) {
            ExecutionException ended = assertThrows(ExecutionException.class,
                    () -> stream.ended().get(5, TimeUnit.SECONDS));
            assertEquals(DigestSession.AUTHENTICATION_FAILED, ended.getCause().getMessage());
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
