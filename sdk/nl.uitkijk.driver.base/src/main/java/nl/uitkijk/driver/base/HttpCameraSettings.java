package nl.uitkijk.driver.base;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;

/**
 * The settings every camera with a web API has (ONVIF, VAPIX, ISAPI): host, HTTP port, credentials and how long to
 * wait for it; with their description for the driver and their validation. Drivers add their own keys beside these.
 */
public record HttpCameraSettings(String host, int port, String username, String password, int timeoutSeconds) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String TIMEOUT = "timeoutSeconds";
    public static final int DEFAULT_PORT = 80;
    public static final int DEFAULT_TIMEOUT = 5;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]");

    public static HttpCameraSettings of(Map<String, Object> config) {
        return new HttpCameraSettings(text(config, HOST), number(config, PORT, DEFAULT_PORT), text(config, USERNAME),
                text(config, PASSWORD), number(config, TIMEOUT, DEFAULT_TIMEOUT));
    }

    /** The parameters as a driver describes them, for {@link nl.uitkijk.api.camera.DriverDescription}. */
    public static List<ConfigParameter> parameters(String portDescription) {
        return List.of(new ConfigParameter(HOST, ConfigParameter.Type.TEXT, true, "Host",
                        "The camera's address, e.g. 192.0.2.10", null),
                new ConfigParameter(PORT, ConfigParameter.Type.INTEGER, false, "Port", portDescription, DEFAULT_PORT),
                new ConfigParameter(USERNAME, ConfigParameter.Type.TEXT, false, "User name", "", null),
                new ConfigParameter(PASSWORD, ConfigParameter.Type.PASSWORD, false, "Password", "", null),
                new ConfigParameter(TIMEOUT, ConfigParameter.Type.INTEGER, false, "Timeout",
                        "Seconds to wait for the camera, 1 to 60", DEFAULT_TIMEOUT));
    }

    /** The problems of a configuration, each naming its field; never contacts the camera. */
    public static List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String host = text(config, HOST);
        if (host.isEmpty()) {
            problems.add(new ConfigProblem("config." + HOST, "is required: the camera's address, e.g. 192.0.2.10"));
        } else if (!HOST_NAME.matcher(host).matches()) {
            problems.add(new ConfigProblem("config." + HOST, "must be a host name or IP address (no scheme, port "
                    + "or path)"));
        }
        int port = number(config, PORT, DEFAULT_PORT);
        if (port < 1 || port > 65_535) {
            problems.add(new ConfigProblem("config." + PORT, "must be 1 to 65535"));
        }
        int timeout = number(config, TIMEOUT, DEFAULT_TIMEOUT);
        if (timeout < 1 || timeout > 60) {
            problems.add(new ConfigProblem("config." + TIMEOUT, "must be 1 to 60 seconds"));
        }
        return problems;
    }

    /** An HTTP client for the camera's web API at these settings. */
    public CameraHttp http(HttpClient client) {
        return new CameraHttp(client, host, port, username, password, Duration.ofSeconds(timeoutSeconds));
    }

    /**
     * The address of an RTSP stream on this camera, without credentials (as shown and stored).
     *
     * @param pathAndQuery e.g. {@code /Streaming/Channels/101}
     */
    public URI rtsp(int rtspPort, String pathAndQuery) {
        return URI.create("rtsp://" + host + (rtspPort == 554 ? "" : ":" + rtspPort)
                + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    /** The stream address with the credentials, for the media hub's RTSP handshake only (never shown or logged). */
    public URI withCredentials(URI stream) {
        if (username.isEmpty()) {
            return stream;
        }
        try {
            return new URI(stream.getScheme(), username + ":" + password, stream.getHost(), stream.getPort(),
                    stream.getPath(), stream.getQuery(), null);
        } catch (URISyntaxException e) {
            return stream;
        }
    }

    /** An HTTP client as camera drivers need it: no redirects (a camera must not send us elsewhere), HTTP/1.1. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A driver's own text setting, stripped; empty when absent. */
    public static String text(Map<String, Object> config, String key) {
        Object value = config.get(key);
        return value == null ? "" : value.toString().strip();
    }

    /** A driver's own number setting; the fallback when absent, -1 when not a number (validation says so). */
    public static int number(Map<String, Object> config, String key, int fallback) {
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
