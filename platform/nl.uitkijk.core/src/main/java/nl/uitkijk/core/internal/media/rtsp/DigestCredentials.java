package nl.uitkijk.core.internal.media.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers an RTSP server's {@code WWW-Authenticate} challenge (RFC 2617 as cameras use it: Digest with MD5, with
 * or without {@code qop=auth}, or Basic). Basic sends the password in clear text over the camera network, so it is
 * answered only for a camera an administrator allowed it for; otherwise the challenge is refused with the reason.
 */
final class DigestCredentials {

    private static final Pattern PARAMETER = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    private final String user;
    private final String password;
    private final boolean basicAllowed;
    private boolean basicRefused;
    private String scheme;
    private Map<String, String> challenge = Map.of();
    private int nonceCount;

    DigestCredentials(String user, String password, boolean basicAllowed) {
        this.user = user;
        this.password = password;
        this.basicAllowed = basicAllowed;
    }

    /** Whether the camera asked for Basic, which this camera may not use. */
    boolean basicRefused() {
        return basicRefused;
    }

    /** @return whether the challenge is one this client can answer */
    boolean challenge(String wwwAuthenticate) {
        String trimmed = wwwAuthenticate.trim();
        int space = trimmed.indexOf(' ');
        String offered = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!offered.equals("digest") && !offered.equals("basic")) {
            return false;
        }
        if ("digest".equals(scheme) && offered.equals("basic")) {
            return true; // keep the stronger scheme when a camera offers both
        }
        if (offered.equals("basic") && !basicAllowed) {
            basicRefused = true;
            return false;
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(space < 0 ? "" : trimmed.substring(space + 1));
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT),
                    matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        scheme = offered;
        challenge = parameters;
        nonceCount = 0;
        return true;
    }

    boolean ready() {
        return scheme != null;
    }

    /** The {@code Authorization} header for one request. */
    String authorization(String method, String uri) {
        return authorization(method, uri, HexFormat.of().formatHex(md5Bytes(System.nanoTime() + uri), 0, 8));
    }

    String authorization(String method, String uri, String clientNonce) {
        if ("basic".equals(scheme)) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        String qop = challenge.get("qop");
        if (qop != null && qop.toLowerCase(Locale.ROOT).contains("auth")) {
            String count = String.format("%08x", ++nonceCount);
            header.append(", qop=auth, nc=").append(count).append(", cnonce=\"").append(clientNonce)
                    .append("\", response=\"").append(md5(ha1 + ":" + nonce + ":" + count + ":" + clientNonce
                            + ":auth:" + ha2)).append('"');
        } else {
            header.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return header.toString();
    }

    static String md5(String text) {
        return HexFormat.of().formatHex(md5Bytes(text));
    }

    private static byte[] md5Bytes(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
