package nl.uitkijk.api.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A polygon of the picture in fractions 0..1 (x to the right, y down), as modules read them from their
 * configuration: {@code [[x, y], [x, y], [x, y], …]}, at least three points.
 *
 * @param points the corners, each {@code [x, y]}
 * @since 1.1
 */
public record Zone(List<double[]> points) {

    public Zone {
        points = List.copyOf(points);
    }

    /** Even-odd ray casting. */
    public boolean contains(double x, double y) {
        boolean in = false;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            double xi = points.get(i)[0];
            double yi = points.get(i)[1];
            double xj = points.get(j)[0];
            double yj = points.get(j)[1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * Reads a polygon.
     *
     * @param field the name to put in an error, e.g. {@code config.zones[0].polygon}
     * @throws IllegalArgumentException naming {@code field}
     */
    public static Zone parse(Object value, String field) {
        List<double[]> points = points(value, field, 3, field + ": a polygon of at least three [x, y] points in 0..1");
        return new Zone(points);
    }

    /** A list of polygons under {@code key} of a configuration; empty when absent. */
    public static List<Zone> parseAll(Map<String, Object> config, String key) {
        Object value = config == null ? null : config.get(key);
        if (value == null) {
            return List.of();
        }
        String field = "config." + key;
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(field + ": a list of polygons, each at least three [x, y] points in "
                    + "0..1");
        }
        List<Zone> zones = new ArrayList<>();
        for (Object polygon : list) {
            zones.add(parse(polygon, field));
        }
        return List.copyOf(zones);
    }

    /** Points {@code [x, y]} in 0..1, at least {@code minimum}. */
    static List<double[]> points(Object value, String field, int minimum, String problem) {
        if (!(value instanceof List<?> points) || points.size() < minimum) {
            throw new IllegalArgumentException(problem);
        }
        List<double[]> parsed = new ArrayList<>();
        for (Object point : points) {
            if (!(point instanceof List<?> xy) || xy.size() != 2 || !(xy.get(0) instanceof Number x)
                    || !(xy.get(1) instanceof Number y) || !(x.doubleValue() >= 0 && x.doubleValue() <= 1)
                    || !(y.doubleValue() >= 0 && y.doubleValue() <= 1)) {
                throw new IllegalArgumentException(problem);
            }
            parsed.add(new double[] {x.doubleValue(), y.doubleValue()});
        }
        return parsed;
    }
}
