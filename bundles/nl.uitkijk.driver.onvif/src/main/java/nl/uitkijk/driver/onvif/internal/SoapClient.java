package nl.uitkijk.driver.onvif.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.DigestSession;
import nl.uitkijk.driver.base.XmlElement.XmlException;
import nl.uitkijk.driver.base.XmlElement;

/**
 * SOAP 1.2 over HTTP for ONVIF, with WS-Security UsernameToken <em>digest</em> (ONVIF Core 5.12): the password
 * never travels, and the token's creation time is the camera's clock (this one's plus the offset learnt from
 * GetSystemDateAndTime), because cameras refuse tokens that are not fresh by their own clock. Cameras that also guard
 * the services by HTTP Digest get that answered too (one extra round trip, then the nonce is reused). Replies are bounded
 * in size and time and parsed by {@link XmlElement}.
 */
final class SoapClient {

    static final int MAX_REPLY_BYTES = 2 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Duration timeout;
    private final String username;
    private final String password;
    private final Clock clock;
    /** Cameras that guard their services by HTTP Digest as well (or instead of WS-Security) answer 401 first. */
    private final DigestSession httpDigest;
    private volatile Duration cameraClockOffset = Duration.ZERO;

    SoapClient(HttpClient http, Duration timeout, String username, String password, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
        this.clock = clock;
        this.httpDigest = new DigestSession(this.username, this.password);
    }

    void cameraClockOffset(Duration offset) {
        cameraClockOffset = offset;
    }

    Duration cameraClockOffset() {
        return cameraClockOffset;
    }

    /**
     * Calls an operation and returns the first element of the reply's body.
     *
     * @param body the operation element, e.g. {@code <tds:GetDeviceInformation xmlns:tds="…"/>}
     * @param authenticated whether to send the UsernameToken (GetSystemDateAndTime goes without)
     */
    XmlElement call(URI endpoint, String operation, String body, boolean authenticated) throws OnvifException {
        HttpResponse<InputStream> response;
        byte[] reply;
        try {
            response = http.send(request(endpoint, body, authenticated), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 401 && authenticated && digestChallenge(response)) {
                response.body().close();
                response = http.send(request(endpoint, body, true), HttpResponse.BodyHandlers.ofInputStream());
            }
            try (InputStream in = response.body()) {
                reply = in.readNBytes(MAX_REPLY_BYTES + 1);
            }
        } catch (IOException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifException("interrupted");
        }
        return interpret(operation, response.statusCode(), reply);
    }

    /**
     * As {@link #call}, without holding a thread while the camera answers: for long polls (PullMessages) of many
     * cameras at once. The reply is kept to {@link #MAX_REPLY_BYTES}; the rest is dropped as it arrives.
     */
    CompletableFuture<XmlElement> callAsync(URI endpoint, String operation, String body, Duration wait) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout.plus(wait))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(body, true), StandardCharsets.UTF_8));
        httpDigest.authorization("POST", endpoint).ifPresent(value -> builder.header("Authorization", value));
        HttpRequest request = builder.build();
        return http.sendAsync(request, info -> limited()).handle((response, error) -> {
            try {
                if (error != null) {
                    throw failure(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                }
                return interpret(operation, response.statusCode(), response.body());
            } catch (OnvifException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** Whether a 401 carried a Digest challenge worth answering (a first one, or a stale nonce). */
    private boolean digestChallenge(HttpResponse<?> response) {
        if (response.headers().allValues("WWW-Authenticate").isEmpty()) {
            return false;
        }
        try {
            return httpDigest.challenged(response.headers());
        } catch (CameraCallException e) {
            return false; // answered below as "authentication failed"
        }
    }

    private static HttpResponse.BodySubscriber<byte[]> limited() {
        java.io.ByteArrayOutputStream collected = new java.io.ByteArrayOutputStream();
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk ->
                chunk.ifPresent(bytes -> {
                    if (collected.size() <= MAX_REPLY_BYTES) {
                        collected.write(bytes, 0, Math.min(bytes.length, MAX_REPLY_BYTES + 1 - collected.size()));
                    }
                })), nothing -> collected.toByteArray());
    }

    private HttpRequest request(URI endpoint, String body, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope(body, authenticated), StandardCharsets.UTF_8));
        if (authenticated) {
            httpDigest.authorization("POST", endpoint).ifPresent(value -> builder.header("Authorization", value));
        }
        return builder.build();
    }

    private String envelope(String body, boolean authenticated) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header>"
                + (authenticated && !username.isEmpty() ? security() : "")
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private OnvifException failure(Throwable e) {
        if (e instanceof HttpTimeoutException) {
            return new OnvifException("no answer (timeout after " + timeout.toSeconds() + " s)");
        }
        if (e instanceof ConnectException) {
            return new OnvifException("connection refused");
        }
        if (e instanceof OnvifException onvif) {
            return onvif;
        }
        return new OnvifException("connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()));
    }

    private XmlElement interpret(String operation, int status, byte[] reply) throws OnvifException {
        if (reply.length > MAX_REPLY_BYTES) {
            throw new OnvifException("the reply to " + operation + " is larger than " + MAX_REPLY_BYTES / 1024
                    + " KiB (refused)");
        }
        if (status == 401 || status == 403) {
            throw new OnvifException("authentication failed (user name or password wrong)", true);
        }
        XmlElement envelopeElement;
        try {
            envelopeElement = XmlElement.parse(reply);
        } catch (XmlException e) {
            throw new OnvifException(status >= 300 ? "the camera answered " + operation + " with HTTP " + status
                    : "the reply to " + operation + " is unusable: " + e.getMessage());
        }
        XmlElement bodyElement = envelopeElement.child("Body").orElseThrow(() -> new OnvifException(
                "the reply to " + operation + " is no SOAP envelope"));
        var fault = bodyElement.child("Fault");
        if (fault.isPresent()) {
            throw fault(operation, fault.get());
        }
        if (status >= 300) {
            throw new OnvifException("the camera answered " + operation + " with HTTP " + status);
        }
        return bodyElement.children().stream().findFirst().orElseThrow(() -> new OnvifException(
                "the reply to " + operation + " is empty"));
    }

    private static OnvifException fault(String operation, XmlElement fault) {
        String codes = fault.find("Value").map(XmlElement::text).reduce("", (a, b) -> a + " " + b)
                .toLowerCase(Locale.ROOT);
        String reason = fault.at("Reason", "Text").map(XmlElement::text).orElse(fault.textAt("faultstring"));
        if (codes.contains("notauthorized") || codes.contains("failedauthentication")
                || reason.toLowerCase(Locale.ROOT).contains("not authorized")) {
            return new OnvifException("authentication failed (user name or password wrong, or the camera's "
                    + "clock far off)", true);
        }
        String shown = reason.isBlank() ? codes.strip() : reason.strip();
        return new OnvifException("the camera refused " + operation + ": "
                + (shown.length() > 160 ? shown.substring(0, 160) + "…" : shown));
    }

    /** The WS-Security header: PasswordDigest = Base64(SHA-1(nonce + created + password)). */
    private String security() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = clock.instant().plus(cameraClockOffset).truncatedTo(ChronoUnit.SECONDS).toString();
        return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-secext-1.0.xsd\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>"
                + escape(username) + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">" + digest(nonce, created, password)
                + "</wsse:Password><wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce><wsu:Created>" + created
                + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Instant now() {
        return clock.instant();
    }
}
