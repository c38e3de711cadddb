package nl.uitkijk.analytics.motion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A camera's motion settings, read from the policy's config map; every problem names its field.
 *
 * @param sensitivity 1 (only large, clear movement) to 10 (the slightest change); sets MOG2's variance threshold
 * @param minArea the smallest moving object, as a fraction of the picture (0.001 = 0.1 %)
 * @param startFrames analysed frames in a row with motion before an episode starts (hysteresis)
 * @param stopFrames analysed frames in a row without motion before it ends
 * @param include polygons (points 0..1) where motion counts; empty: everywhere
 * @param exclude polygons where it never counts (a flag, a tree, a busy road outside the area)
 */
record MotionConfig(int sensitivity, double minArea, int startFrames, int stopFrames, List<double[][]> include,
        List<double[][]> exclude) {

    static final MotionConfig DEFAULTS = new MotionConfig(5, 0.002, 2, 10, List.of(), List.of());

    /** @throws IllegalArgumentException naming the field ({@code config.sensitivity: 1 to 10}) */
    static MotionConfig parse(Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        int sensitivity = integer(c, "sensitivity", DEFAULTS.sensitivity(), 1, 10);
        double minArea = number(c, "minArea", DEFAULTS.minArea(), 0.00001, 0.5);
        int start = integer(c, "startFrames", DEFAULTS.startFrames(), 1, 50);
        int stop = integer(c, "stopFrames", DEFAULTS.stopFrames(), 1, 500);
        return new MotionConfig(sensitivity, minArea, start, stop, polygons(c, "include"), polygons(c, "exclude"));
    }

    /** MOG2's variance threshold: 16 (its default) at sensitivity 5, lower is more sensitive. */
    double varianceThreshold() {
        return 4 + (10 - sensitivity) * 2.4;
    }

    private static int integer(Map<String, Object> c, String key, int otherwise, int min, int max) {
        Object value = c.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            int parsed = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("config." + key + ": " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config." + key + ": a whole number, " + min + " to " + max);
        }
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

    /** A list of polygons, each a list of [x, y] points in 0..1, at least three. */
    private static List<double[][]> polygons(Map<String, Object> c, String key) {
        Object value = c.get(key);
        if (value == null) {
            return List.of();
        }
        String problem = "config." + key + ": a list of polygons, each at least three [x, y] points in 0..1";
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(problem);
        }
        List<double[][]> polygons = new ArrayList<>();
        for (Object polygon : list) {
            if (!(polygon instanceof List<?> points) || points.size() < 3) {
                throw new IllegalArgumentException(problem);
            }
            double[][] parsed = new double[points.size()][];
            for (int i = 0; i < points.size(); i++) {
                if (!(points.get(i) instanceof List<?> xy) || xy.size() != 2 || !(xy.get(0) instanceof Number x)
                        || !(xy.get(1) instanceof Number y) || x.doubleValue() < 0 || x.doubleValue() > 1
                        || y.doubleValue() < 0 || y.doubleValue() > 1) {
                    throw new IllegalArgumentException(problem);
                }
                parsed[i] = new double[] {x.doubleValue(), y.doubleValue()};
            }
            polygons.add(parsed);
        }
        return List.copyOf(polygons);
    }

    /** Whether a point (0..1) counts: inside an include zone (or there are none) and in no exclude zone. */
    boolean counts(double x, double y) {
        if (exclude.stream().anyMatch(polygon -> inside(polygon, x, y))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(polygon -> inside(polygon, x, y));
    }

    /** Even-odd ray casting. */
    static boolean inside(double[][] polygon, double x, double y) {
        boolean in = false;
        for (int i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
            double xi = polygon[i][0];
            double yi = polygon[i][1];
            double xj = polygon[j][0];
            double yj = polygon[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}
