package nl.uitkijk.analytics.people.internal;

/** A box in fractions 0..1 of the picture, with a score. */
record Box(double x, double y, double width, double height, double score) {

    double centreX() {
        return x + width / 2;
    }

    /** Where the person stands: the middle of the box's bottom edge (what zones and lines are about). */
    double footX() {
        return x + width / 2;
    }

    double footY() {
        return y + height;
    }

    double area() {
        return width * height;
    }

    /** Intersection over union. */
    double iou(Box other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        if (right <= left || bottom <= top) {
            return 0;
        }
        double intersection = (right - left) * (bottom - top);
        return intersection / (area() + other.area() - intersection);
    }

    Box moved(double dx, double dy) {
        return new Box(x + dx, y + dy, width, height, score);
    }
}
