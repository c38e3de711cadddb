package nl.uitkijk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A control room's webhook endpoint on loopback, written from the Standard Webhooks specification
 * (standardwebhooks.com): it checks {@code webhook-id}, {@code webhook-timestamp} (at most 5 minutes off) and
 * {@code webhook-signature} ({@code v1,} base64 HMAC-SHA256 of {@code id.timestamp.body} with the secret; a
 * {@code whsec_} secret is base64) and answers 204 for a valid one, 401 for a bad signature. Behind a {@link
 * FaultyProxy}, so it can also hang, answer garbage or be down.
 */
public final class WebhookReceiver implements ConnectorPeer {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, boolean valid, String body, int status,
            Instant at) {
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final FaultyProxy proxy;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ACCEPT;

    public WebhookReceiver(String secret) throws IOException {
        this.key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        proxy = new FaultyProxy(server.getAddress().getPort());
    }

    /** The URL to configure: through the proxy. */
    public String url() {
        return "http://127.0.0.1:" + proxy.port() + "/meldkamer/alarms";
    }

    /** The URL of the receiver itself, without the proxy (for measurements). */
    public String directUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/meldkamer/alarms";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = valid(id, timestamp, signature, body);
            int status = !valid ? 401 : switch (behaviour) {
                case REFUSE -> 400;
                case FAIL -> 503;
                default -> 204;
            };
            requests.add(new Received(id, timestamp, signature, valid, new String(body, StandardCharsets.UTF_8),
                    status, Instant.now()));
            byte[] reply = status == 204 ? new byte[0] : ("{\"error\":\"" + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
        }
    }

    /** Checks a request as a receiver must. */
    public boolean valid(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(
                        signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (NumberFormatException | GeneralSecurityException e) {
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public List<Received> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return proxy.port();
    }

    @Override
    public void behave(Behaviour next) throws IOException {
        behaviour = next;
        proxy.mode(FaultyProxy.Mode.of(next));
    }

    @Override
    public boolean canRefuse() {
        return true;
    }

    /** Ids of requests with a valid signature that were confirmed (2xx). */
    @Override
    public List<UUID> received() {
        return requests.stream().filter(r -> r.valid() && r.status() / 100 == 2).map(r -> UUID.fromString(r.id())).toList();
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
