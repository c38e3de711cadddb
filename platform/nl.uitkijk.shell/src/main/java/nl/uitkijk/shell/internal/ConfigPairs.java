package nl.uitkijk.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;

/** Driver settings given on the console as {@code -c key=value}. */
final class ConfigPairs {

    private ConfigPairs() {
    }

    static Map<String, Object> parse(List<String> pairs) throws InvalidCameraException {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (pairs == null) {
            return settings;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidCameraException(List.of(new ConfigProblem("config", "'" + pair
                        + "' is not key=value")));
            }
            settings.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return settings;
    }
}
