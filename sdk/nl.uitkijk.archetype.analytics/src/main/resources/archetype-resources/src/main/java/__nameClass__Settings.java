package ${package};

import java.util.Map;
import nl.uitkijk.api.analytics.Settings;

/**
 * The module's settings from a camera's policy; each problem names its field as {@code config.<field>}.
 *
 * @param minContrast a picture whose brightness varies less than this (standard deviation, 0–255) has no contrast
 * @param frames how many such pictures in a row make tamper
 */
record ${nameClass}Settings(double minContrast, int frames) {

    static ${nameClass}Settings parse(Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        return new ${nameClass}Settings(Settings.number(c, "minContrast", 8, 1, 64), Settings.whole(c, "frames", 4, 1,
                100));
    }
}
