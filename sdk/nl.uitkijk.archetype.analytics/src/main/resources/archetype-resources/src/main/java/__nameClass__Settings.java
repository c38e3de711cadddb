package ${package};

import java.util.Map;

/**
 * The module's settings from a camera's policy; each problem names its field as {@code config.<field>}.
 *
 * @param minContrast a picture whose brightness varies less than this (standard deviation, 0–255) has no contrast
 * @param frames how many such pictures in a row make tamper
 */
record ${nameClass}Settings(double minContrast, int frames) {

    static ${nameClass}Settings parse(Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        return new ${nameClass}Settings(number(c, "minContrast", 8, 1, 64), (int) number(c, "frames", 4, 1, 100));
    }

    private static double number(Map<String, Object> c, String key, double otherwise, double min, double max) {
        Object value = c.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            double parsed = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
            if (!(parsed >= min && parsed <= max)) {
                throw new IllegalArgumentException("config." + key + ": " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config." + key + ": a number, " + min + " to " + max);
        }
    }
}
