package nl.uitkijk.driver.onvif.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.uitkijk.api.camera.ConfigProblem;

/** The configuration of one ONVIF camera. */
record OnvifSettings(String host, int port, String username, String password, int timeoutSeconds) {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TIMEOUT = "timeoutSeconds";
    static final int DEFAULT_PORT = 80;
    static final int DEFAULT_TIMEOUT = 5;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]");

    static OnvifSettings of(Map<String, Object> config) {
        return new OnvifSettings(text(config, HOST), number(config, PORT, DEFAULT_PORT), text(config, USERNAME),
                text(config, PASSWORD), number(config, TIMEOUT, DEFAULT_TIMEOUT));
    }

    static List<ConfigProblem> validate(Map<String, Object> config) {
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

    private static String text(Map<String, Object> config, String key) {
        Object value = config.get(key);
        return value == null ? "" : value.toString().strip();
    }

    private static int number(Map<String, Object> config, String key, int fallback) {
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
