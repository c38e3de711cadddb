package nl.uitkijk.driver.base;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A camera's HTTP API (VAPIX, ISAPI and the like) for one camera: requests to its host and port only, HTTP Digest
 * authentication (the nonce is kept and counted, so most requests need one round trip), replies bounded in size and
 * time, and failures as {@link CameraCallException}s whose message is the camera's OFFLINE reason. Basic
 * authentication over plain HTTP is refused: it would put the password readable on the network.
 *
 * <p>Thread-safe; one instance per camera session.
 */
public final class CameraHttp {

    public static final int MAX_REPLY_BYTES = 2 * 1024 * 1024;

    /** A reply that arrived (any status but 401). */
    public record Reply(int status, String contentType, byte[] body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as strict XML; a reply that is not becomes a reason naming {@code what}. */
        public XmlElement xml(String what) throws CameraCallException {
            try {
                return XmlElement.parse(body);
            } catch (XmlElement.XmlException e) {
                throw new CameraCallException("the camera's " + what + " is unusable: " + e.getMessage());
            }
        }

        /** This reply if 2xx, else the reason "the camera answered {what} with HTTP 404". */
        public Reply require(String what) throws CameraCallException {
            if (!ok()) {
                throw new CameraCallException("the camera answered " + what + " with HTTP " + status);
            }
            return this;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final DigestSession digest;

    /**
     * @param http shared by the driver's cameras; must not follow redirects (a camera must not send us elsewhere)
     */
    public CameraHttp(HttpClient http, String host, int port, String username, String password, Duration timeout) {
        this.http = http;
        try {
            this.base = new URI("http", null, host, port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a host name: " + host, e);
        }
        this.digest = new DigestSession(username, password);
        this.timeout = timeout;
    }

    /** The address of a path on this camera; whatever the path says, the host and port stay the configured ones. */
    public URI uri(String pathAndQuery) {
        URI relative = URI.create(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
        if (relative.isAbsolute() || relative.getRawAuthority() != null) {
            throw new IllegalArgumentException("a path on the camera, not an address: " + pathAndQuery);
        }
        return base.resolve(relative);
    }

    /** The digest credentials, for calls made by other means (a WebSocket upgrade) to this camera. */
    public DigestSession digest() {
        return digest;
    }

    public Duration timeout() {
        return timeout;
    }

    public Reply get(String pathAndQuery) throws CameraCallException {
        return send("GET", pathAndQuery, null, null);
    }

    /**
     * Sends a request, answering a Digest challenge once.
     *
     * @param body null for none
     * @throws CameraCallException when the camera cannot be reached, does not answer in time, refuses the
     *         credentials or sends more than {@link #MAX_REPLY_BYTES}
     */
    public Reply send(String method, String pathAndQuery, String contentType, String body)
            throws CameraCallException {
        URI target = uri(pathAndQuery);
        HttpResponse<InputStream> response = exchange(method, target, contentType, body,
                digest.authorization(method, target));
        if (response.statusCode() == 401) {
            drain(response);
            if (!digest.challenged(response.headers())) {
                throw new CameraCallException(DigestSession.AUTHENTICATION_FAILED, true);
            }
            response = exchange(method, target, contentType, body, digest.authorization(method, target));
            if (response.statusCode() == 401) {
                drain(response);
                throw new CameraCallException(DigestSession.AUTHENTICATION_FAILED, true);
            }
        }
        byte[] reply = read(response);
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), reply);
    }

    /**
     * Opens a never-ending reply (an event stream) without holding a thread: its lines go to {@code lines} as they
     * come, each at most {@code maxLineBytes} long (a longer one ends the stream as hostile). A Digest challenge is
     * answered once. {@link LineStream#ended()} completes with the status when the camera ends the stream, or
     * exceptionally with a {@link CameraCallException}; {@link LineStream#close()} closes it.
     */
    public LineStream stream(String pathAndQuery, int maxLineBytes, Consumer<String> lines) {
        URI target = uri(pathAndQuery);
        LineStream stream = new LineStream(maxLineBytes, lines);
        open(stream, target).thenCompose(response -> {
            if (response.statusCode() != 401) {
                return CompletableFuture.completedFuture(response);
            }
            try {
                if (!digest.challenged(response.headers())) {
                    throw new CameraCallException(DigestSession.AUTHENTICATION_FAILED, true);
                }
            } catch (CameraCallException e) {
                return CompletableFuture.failedFuture(e);
            }
            return open(stream, target);
        }).whenComplete((response, error) -> {
            if (error != null) {
                stream.end(failure(unwrap(error)));
            } else if (response.statusCode() == 401) {
                stream.end(new CameraCallException(DigestSession.AUTHENTICATION_FAILED, true));
            } else if (response.statusCode() != 200) {
                stream.end(new CameraCallException("the camera answered its event stream with HTTP "
                        + response.statusCode()));
            } else {
                stream.end(response.statusCode());
            }
        });
        return stream;
    }

    private CompletableFuture<HttpResponse<Void>> open(LineStream stream, URI target) {
        if (stream.closed()) {
            return CompletableFuture.failedFuture(new CameraCallException("closed"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        digest.authorization("GET", target).ifPresent(value -> request.header("Authorization", value));
        return http.sendAsync(request.build(), info -> info.statusCode() == 200
                ? HttpResponse.BodySubscribers.fromSubscriber(stream.subscriber())
                : HttpResponse.BodySubscribers.discarding());
    }

    private HttpResponse<InputStream> exchange(String method, URI target, String contentType, String body,
            Optional<String> authorization) throws CameraCallException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CameraCallException("interrupted");
        }
    }

    private byte[] read(HttpResponse<InputStream> response) throws CameraCallException {
        try (InputStream in = response.body()) {
            byte[] reply = in.readNBytes(MAX_REPLY_BYTES + 1);
            if (reply.length > MAX_REPLY_BYTES) {
                throw new CameraCallException("the camera's reply is larger than " + MAX_REPLY_BYTES / 1024
                        + " KiB (refused)");
            }
            return reply;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException e) {
            // the connection is dropped then; nothing to keep
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    private CameraCallException failure(Throwable e) {
        if (e instanceof CameraCallException call) {
            return call;
        }
        if (e instanceof HttpTimeoutException) {
            return new CameraCallException("no answer (timeout after " + timeout.toSeconds() + " s)");
        }
        if (e instanceof ConnectException) {
            return new CameraCallException("connection refused");
        }
        return new CameraCallException("connection failed: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
