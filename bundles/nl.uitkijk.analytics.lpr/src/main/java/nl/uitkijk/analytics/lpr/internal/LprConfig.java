package nl.uitkijk.analytics.lpr.internal;

import java.util.Map;
import nl.uitkijk.api.analytics.Settings;
import nl.uitkijk.api.analytics.Zone;

/**
 * A camera's LPR settings, read from the policy's config map; every problem names its field.
 *
 * @param minConfidence a frame's read counts from this confidence (0.3–0.99)
 * @param minVotes a passage is reported once this many frames agreed on its text (1–20)
 * @param gapSeconds a passage ends when its plate has not been seen for this long (0.5–30)
 * @param region where plates are looked for (null: the whole picture); reads outside it are ignored
 */
record LprConfig(double minConfidence, int minVotes, double gapSeconds, Zone region) {

    static final LprConfig DEFAULTS = new LprConfig(0.6, 2, 2.0, null);

    /** @throws IllegalArgumentException naming the field ({@code config.minVotes: 1 to 20}) */
    static LprConfig parse(Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        double minConfidence = Settings.number(c, "minConfidence", DEFAULTS.minConfidence(), 0.3, 0.99);
        int minVotes = Settings.whole(c, "minVotes", DEFAULTS.minVotes(), 1, 20);
        double gap = Settings.number(c, "gapSeconds", DEFAULTS.gapSeconds(), 0.5, 30);
        Zone region = c.get("region") == null ? null : Zone.parse(c.get("region"), "config.region");
        return new LprConfig(minConfidence, minVotes, gap, region);
    }
}
