package nl.uitkijk.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The camera's side of HTTP Digest (RFC 7616, qop=auth), for the simulators: challenges a request without a valid
 * answer, checks the answer against its own nonces, refuses a nonce count used before (a replayed request) and can
 * let its nonces go stale as cameras do. Written independently of the driver base's client, so the two check each
 * other.
 */
public final class DigestGuard {

    private static final Pattern PARAMETER = Pattern.compile(
            "([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final String username;
    private final String password;
    private final String algorithm;
    /** Our live nonces and the highest count the client used with each. */
    private final Map<String, Integer> nonces = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stale = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    /** @param algorithm {@code MD5} or {@code SHA-256} */
    public DigestGuard(String realm, String username, String password, String algorithm) {
        this.realm = realm;
        this.username = username;
        this.password = password;
        this.algorithm = algorithm;
    }

    /** Whether the request carries a valid answer; if not, a 401 with a fresh challenge has been sent. */
    public boolean admit(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Optional<String> challenge = challenge(exchange.getRequestMethod(), target,
                exchange.getRequestHeaders().getFirst("Authorization"));
        if (challenge.isEmpty()) {
            return true;
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", challenge.get());
        byte[] body = "<html><body>401 Unauthorized</body></html>".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return false;
    }

    /**
     * For servers other than the JDK's: empty when the request's {@code Authorization} answers a challenge of ours,
     * else the {@code WWW-Authenticate} value to send with a 401.
     *
     * @param requestTarget path and query as sent
     */
    public Optional<String> challenge(String method, String requestTarget, String authorization) {
        boolean wasStale = false;
        if (authorization != null && authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            Map<String, String> answer = parameters(authorization.substring(7));
            String nonce = answer.getOrDefault("nonce", "");
            if (stale.containsKey(nonce)) {
                wasStale = true;
            } else if (valid(answer, method, requestTarget)) {
                return Optional.empty();
            } else {
                refused.incrementAndGet();
            }
        }
        byte[] nonceBytes = new byte[18];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        nonces.put(nonce, 0);
        return Optional.of("Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=" + algorithm + ", nonce=\""
                + nonce + "\", opaque=\"uitkijk-simulator\"" + (wasStale ? ", stale=TRUE" : ""));
    }

    /** How many answers were wrong (wrong password, replayed count, unknown nonce). */
    public int refused() {
        return refused.get();
    }

    /** Makes every nonce given so far stale: the next request is challenged anew with {@code stale=TRUE}. */
    public void expireNonces() {
        nonces.keySet().forEach(nonce -> stale.put(nonce, true));
        nonces.clear();
    }

    private boolean valid(Map<String, String> answer, String method, String requestTarget) {
        String nonce = answer.getOrDefault("nonce", "");
        Integer lastCount = nonces.get(nonce);
        if (lastCount == null || !username.equals(answer.get("username")) || !realm.equals(answer.get("realm"))
                || !requestTarget.equals(answer.get("uri")) || !"auth".equals(answer.get("qop"))) {
            return false;
        }
        int count;
        try {
            count = Integer.parseInt(answer.getOrDefault("nc", ""), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        String hash = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hash(hash, username + ":" + realm + ":" + password);
        String ha2 = hash(hash, method + ":" + requestTarget);
        String expected = hash(hash, ha1 + ":" + nonce + ":" + answer.get("nc") + ":" + answer.get("cnonce")
                + ":auth:" + ha2);
        if (!expected.equals(answer.get("response"))) {
            return false;
        }
        // a count not above the last one is a replayed request
        return nonces.replace(nonce, lastCount, count) && count > lastCount;
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> values = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            values.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT),
                    matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3));
        }
        return values;
    }

    private static String hash(String name, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
