package nl.uitkijk.analytics.motion.internal;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Settings;
import nl.uitkijk.api.analytics.Zone;

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
record MotionConfig(int sensitivity, double minArea, int startFrames, int stopFrames, List<Zone> include,
        List<Zone> exclude) {

    static final MotionConfig DEFAULTS = new MotionConfig(5, 0.002, 2, 10, List.of(), List.of());

    /** @throws IllegalArgumentException naming the field ({@code config.sensitivity: 1 to 10}) */
    static MotionConfig parse(Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        int sensitivity = Settings.whole(c, "sensitivity", DEFAULTS.sensitivity(), 1, 10);
        double minArea = Settings.number(c, "minArea", DEFAULTS.minArea(), 0.00001, 0.5);
        int start = Settings.whole(c, "startFrames", DEFAULTS.startFrames(), 1, 50);
        int stop = Settings.whole(c, "stopFrames", DEFAULTS.stopFrames(), 1, 500);
        return new MotionConfig(sensitivity, minArea, start, stop, Zone.parseAll(c, "include"), Zone.parseAll(c, "exclude"));
    }

    /** MOG2's variance threshold: 16 (its default) at sensitivity 5, lower is more sensitive. */
    double varianceThreshold() {
        return 4 + (10 - sensitivity) * 2.4;
    }

    /** Whether a point (0..1) counts: inside an include zone (or there are none) and in no exclude zone. */
    boolean counts(double x, double y) {
        if (exclude.stream().anyMatch(zone -> zone.contains(x, y))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(zone -> zone.contains(x, y));
    }
}
