package nl.uitkijk.driver.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP Digest challenge (RFC 7616) from a camera and the answers to it. MD5 and SHA-256, with or without
 * {@code -sess}, quality of protection {@code auth}; where a camera offers several, the strongest. The JDK's HTTP
 * client does Basic only, and Basic would send the password readable over the plain HTTP most cameras speak.
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, boolean qopAuth,
        boolean stale) {

    private static final Pattern PARAMETER = Pattern.compile(
            "([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]*))");
    private static final List<String> STRENGTH = List.of("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS");

    /** The strongest usable Digest challenge among a reply's {@code WWW-Authenticate} headers. */
    public static Optional<DigestChallenge> strongest(List<String> wwwAuthenticate) {
        return wwwAuthenticate.stream().map(DigestChallenge::parse).flatMap(Optional::stream)
                .max((a, b) -> Integer.compare(STRENGTH.indexOf(a.algorithm), STRENGTH.indexOf(b.algorithm)));
    }

    /** One {@code WWW-Authenticate} header, if it is a Digest challenge we can answer. */
    public static Optional<DigestChallenge> parse(String header) {
        String trimmed = header.strip();
        if (!trimmed.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(trimmed.substring(7));
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
            values.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        String algorithm = values.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        String nonce = values.get("nonce");
        if (nonce == null || nonce.isEmpty() || !STRENGTH.contains(algorithm)) {
            return Optional.empty();
        }
        String qop = values.get("qop");
        boolean qopAuth = qop != null && List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
        if (qop != null && !qopAuth) {
            return Optional.empty(); // auth-int only: would need the body hashed; no camera we know asks for it
        }
        return Optional.of(new DigestChallenge(values.getOrDefault("realm", ""), nonce, values.get("opaque"),
                algorithm, qopAuth, "true".equalsIgnoreCase(values.get("stale"))));
    }

    /**
     * The {@code Authorization} header for a request.
     *
     * @param uri the request target as sent: path and query
     * @param count how many times this nonce was used before, plus one
     * @param clientNonce random, fresh per request
     */
    public String authorization(String method, String uri, String username, String password, int count,
            String clientNonce) {
        String hashName = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String nc = String.format(Locale.ROOT, "%08x", count);
        String ha1 = hash(hashName, username + ":" + realm + ":" + password);
        if (algorithm.endsWith("-SESS")) {
            ha1 = hash(hashName, ha1 + ":" + nonce + ":" + clientNonce);
        }
        String ha2 = hash(hashName, method + ":" + uri);
        String response = qopAuth ? hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + clientNonce + ":auth:" + ha2)
                : hash(hashName, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(quote(username))
                .append("\", realm=\"").append(quote(realm)).append("\", nonce=\"").append(quote(nonce))
                .append("\", uri=\"").append(quote(uri)).append("\", algorithm=").append(algorithm)
                .append(", response=\"").append(response).append('"');
        if (qopAuth) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(clientNonce).append('"');
        }
        if (opaque != null) {
            header.append(", opaque=\"").append(quote(opaque)).append('"');
        }
        return header.toString();
    }

    /** Hex of the digest of UTF-8 text, as RFC 7616 computes every value. */
    public static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
