package nl.uitkijk.driver.rtsp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.ConfigProblem;

/**
 * The configuration of one RTSP camera. Credentials are kept apart from the URL so that the URL can be shown and
 * logged; they are put into the URL only for FFmpeg.
 */
record RtspSettings(URI url, String username, String password, String transport, int timeoutSeconds, URI subUrl) {

    static final String URL = "url";
    /** The camera's second, smaller stream (optional): small tiles of the wall and analytics take it. */
    static final String SUB_URL = "subUrl";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TRANSPORT = "transport";
    static final String TIMEOUT = "timeoutSeconds";
    static final int DEFAULT_TIMEOUT = 10;

    static List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Object url = config.get(URL);
        if (url == null || url.toString().isBlank()) {
            problems.add(new ConfigProblem("config.url", "is required, e.g. rtsp://192.0.2.10:554/stream1"));
        } else {
            String problem = urlProblem(url.toString().trim());
            if (problem != null) {
                problems.add(new ConfigProblem("config.url", problem));
            }
        }
        Object sub = config.get(SUB_URL);
        if (sub != null && !sub.toString().isBlank()) {
            String problem = urlProblem(sub.toString().trim());
            if (problem != null) {
                problems.add(new ConfigProblem("config.subUrl", problem));
            }
        }
        Object transport = config.get(TRANSPORT);
        if (transport != null && !List.of("tcp", "udp").contains(transport.toString())) {
            problems.add(new ConfigProblem("config.transport", "must be tcp or udp"));
        }
        Object timeout = config.get(TIMEOUT);
        if (timeout != null) {
            try {
                int seconds = Integer.parseInt(timeout.toString().trim());
                if (seconds < 1 || seconds > 120) {
                    problems.add(new ConfigProblem("config.timeoutSeconds", "must be from 1 to 120"));
                }
            } catch (NumberFormatException e) {
                problems.add(new ConfigProblem("config.timeoutSeconds", "must be a whole number of seconds"));
            }
        }
        return problems;
    }

    private static String urlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
        if (uri.getScheme() == null || !List.of("rtsp", "rtsps").contains(uri.getScheme().toLowerCase())) {
            return "must start with rtsp:// or rtsps://";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain credentials; use config.username and config.password";
        }
        return null;
    }

    static RtspSettings of(Map<String, Object> config) {
        Object timeout = config.get(TIMEOUT);
        Object transport = config.get(TRANSPORT);
        String sub = text(config.get(SUB_URL));
        return new RtspSettings(URI.create(config.get(URL).toString().trim()), text(config.get(USERNAME)),
                text(config.get(PASSWORD)), transport == null ? "tcp" : transport.toString(),
                timeout == null ? DEFAULT_TIMEOUT : Integer.parseInt(timeout.toString().trim()),
                sub == null || sub.isBlank() ? null : URI.create(sub.trim()));
    }

    /** The same camera's sub-stream as settings of its own (same credentials), or null when it has none. */
    RtspSettings sub() {
        return subUrl == null ? null : new RtspSettings(subUrl, username, password, transport, timeoutSeconds, null);
    }

    /** The URL FFmpeg opens: with the credentials, percent-encoded. Never log it. */
    String connectUrl() {
        if (username == null) {
            return url.toString();
        }
        String userInfo = encode(username) + (password == null ? "" : ":" + encode(password));
        String text = url.toString();
        int start = text.indexOf("://") + 3;
        return text.substring(0, start) + userInfo + "@" + text.substring(start);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}
