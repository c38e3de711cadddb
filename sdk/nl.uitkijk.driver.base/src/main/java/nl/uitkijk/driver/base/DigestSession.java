package nl.uitkijk.driver.base;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HTTP Digest credentials for one camera: remembers its last challenge and counts the nonce's uses, so that after
 * the first 401 every request carries an answer and costs one round trip. For drivers with their own HTTP calls
 * (SOAP, WebSocket upgrades); {@link CameraHttp} uses it for its requests. Thread-safe.
 */
public final class DigestSession {

    public static final String AUTHENTICATION_FAILED = "authentication failed (user name or password wrong)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private DigestChallenge challenge;
    private int nonceCount;

    public DigestSession(String username, String password) {
        this.username = username == null ? "" : username;
        this.password = password == null ? "" : password;
    }

    /** The {@code Authorization} value for a request, once the camera has challenged; empty before. */
    public synchronized Optional<String> authorization(String method, URI target) {
        if (challenge == null || username.isEmpty()) {
            return Optional.empty();
        }
        String requestTarget = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        byte[] clientNonce = new byte[8];
        RANDOM.nextBytes(clientNonce);
        return Optional.of(challenge.authorization(method, requestTarget, username, password, ++nonceCount,
                HexFormat.of().formatHex(clientNonce)));
    }

    /**
     * Takes in a 401 reply's challenge.
     *
     * @return whether to send the request again: yes for a first challenge or a stale nonce, no when our answer to
     *         the current one was refused (wrong credentials)
     * @throws CameraCallException when we have no credentials or the camera asks for something we do not speak
     */
    public boolean challenged(HttpHeaders headers) throws CameraCallException {
        var offered = headers.allValues("WWW-Authenticate");
        if (username.isEmpty()) {
            throw new CameraCallException("the camera demands a user name and password", true);
        }
        DigestChallenge fresh = DigestChallenge.strongest(offered).orElseThrow(() -> new CameraCallException(
                offered.stream().anyMatch(h -> h.regionMatches(true, 0, "Basic", 0, 5))
                        ? "the camera asks for Basic authentication over plain HTTP (refused: the password would "
                                + "travel readable; switch the camera to Digest)"
                        : offered.isEmpty() ? AUTHENTICATION_FAILED
                                : "the camera asks for an authentication this driver does not speak: " + offered,
                true));
        synchronized (this) {
            boolean retry = challenge == null || fresh.stale() || !fresh.nonce().equals(challenge.nonce());
            challenge = fresh;
            nonceCount = 0;
            return retry;
        }
    }
}
