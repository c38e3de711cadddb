package nl.uitkijk.api.analytics;

/**
 * A line segment of the picture in fractions 0..1, {@code [[x, y], [x, y]]}: walking it from the first point to
 * the second, "in" is crossing it from its left to its right (in picture coordinates, y down), "out" the other way.
 *
 * @since 1.1
 */
public record Line(double fromX, double fromY, double toX, double toY) {

    /** Which way a movement crosses the line. */
    public enum Crossing {
        NONE, IN, OUT
    }

    /** Whether the movement from (x1, y1) to (x2, y2) crosses the segment, and which way. */
    public Crossing crossing(double x1, double y1, double x2, double y2) {
        double before = side(x1, y1);
        double after = side(x2, y2);
        if (before == 0 || after == 0 || Math.signum(before) == Math.signum(after)) {
            return Crossing.NONE;
        }
        // the movement's own line must separate the segment's ends too, or it passed beside the segment
        double start = cross(x1, y1, x2, y2, fromX, fromY);
        double end = cross(x1, y1, x2, y2, toX, toY);
        if (Math.signum(start) == Math.signum(end)) {
            return Crossing.NONE;
        }
        return before < 0 ? Crossing.IN : Crossing.OUT;
    }

    /** Negative on the left of from→to as seen on the screen (y down), positive on the right. */
    private double side(double x, double y) {
        return cross(fromX, fromY, toX, toY, x, y);
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    /**
     * Reads {@code [[x, y], [x, y]]}.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static Line parse(Object value, String field) {
        var points = Zone.points(value, field, 2, field + ": two [x, y] points in 0..1");
        if (points.size() != 2 || (points.get(0)[0] == points.get(1)[0] && points.get(0)[1] == points.get(1)[1])) {
            throw new IllegalArgumentException(field + ": two different [x, y] points in 0..1");
        }
        return new Line(points.get(0)[0], points.get(0)[1], points.get(1)[0], points.get(1)[1]);
    }
}
