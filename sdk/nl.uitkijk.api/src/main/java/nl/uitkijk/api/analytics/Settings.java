package nl.uitkijk.api.analytics;

import java.util.Map;

/**
 * Numbers from a module's configuration map (JSON numbers, or text from the console's {@code -c key=value}), each
 * problem naming its field as the runtime reports it: {@code config.minArea: 1.0E-5 to 0.5}.
 *
 * @since 1.1
 */
public final class Settings {

    private Settings() {
    }

    /**
     * @param field the name in an error ({@code config.zones[0].crowdSeconds})
     * @throws IllegalArgumentException naming {@code field} when the value is not a number within min..max
     */
    public static double number(Map<?, ?> config, String key, String field, double otherwise, double min,
            double max) {
        Object value = config == null ? null : config.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            double parsed = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
            if (!(parsed >= min && parsed <= max)) {
                throw new IllegalArgumentException(field + ": " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a number, " + min + " to " + max);
        }
    }

    /** As {@link #number} with the field {@code config.<key>}. */
    public static double number(Map<?, ?> config, String key, double otherwise, double min, double max) {
        return number(config, key, "config." + key, otherwise, min, max);
    }

    /** A whole number, {@code config.<key>} in errors. */
    public static int whole(Map<?, ?> config, String key, int otherwise, int min, int max) {
        Object value = config == null ? null : config.get(key);
        if (value == null) {
            return otherwise;
        }
        String field = "config." + key;
        try {
            long parsed = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue()
                    : Long.parseLong(value.toString().strip());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(field + ": " + min + " to " + max);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": a whole number, " + min + " to " + max);
        }
    }
}
