package nl.uitkijk.analytics.people.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.uitkijk.api.analytics.Line;
import nl.uitkijk.api.analytics.Settings;
import nl.uitkijk.api.analytics.Zone;

/**
 * A camera's people settings, read from the policy's config map; every problem names its field.
 *
 * @param minScore the detector's SVM margin a person needs (0–5; 1.0 measured as the balance)
 * @param upscale how much the picture is enlarged before detection (1–2.5): more finds smaller people, costs more
 * @param zones named areas: people counted in each, with an optional crowd rule and loitering limit
 * @param lines named lines: crossings counted in and out, with the direction(s) that are events
 */
record PeopleConfig(double minScore, double upscale, List<ZoneRule> zones, List<LineRule> lines) {

    static final PeopleConfig DEFAULTS = new PeopleConfig(1.0, 1.5, List.of(), List.of());

    /**
     * @param crowdCount a crowd is this many people in the zone (0: no crowd rule)
     * @param crowdSeconds for at least this long
     * @param loiterSeconds a person in the zone longer than this loiters (0: no loitering rule)
     */
    record ZoneRule(String name, Zone zone, int crowdCount, double crowdSeconds, double loiterSeconds) {
    }

    /** @param events which crossings are events: {@code both}, {@code in}, {@code out} or {@code none} */
    record LineRule(String name, Line line, String events) {
    }

    /** Whether a rule follows persons over time (loitering, line crossing): then tracks are personal data here. */
    boolean tracks() {
        return !lines.isEmpty() || zones.stream().anyMatch(zone -> zone.loiterSeconds() > 0);
    }

    /** @throws IllegalArgumentException naming the field ({@code config.zones[1].crowdCount: 2 to 500}) */
    static PeopleConfig parse(Map<String, Object> config) {
        Map<String, Object> c = config == null ? Map.of() : config;
        double minScore = Settings.number(c, "minScore", DEFAULTS.minScore(), 0, 5);
        double upscale = Settings.number(c, "upscale", DEFAULTS.upscale(), 1, 2.5);
        return new PeopleConfig(minScore, upscale, zones(c.get("zones")), lines(c.get("lines")));
    }

    private static List<ZoneRule> zones(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("config.zones: a list of {name, polygon, crowdCount, crowdSeconds, "
                    + "loiterSeconds}");
        }
        List<ZoneRule> zones = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "config.zones[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException(field + ": an object {name, polygon, …}");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> zone = (Map<String, Object>) raw;
            String name = name(zone.get("name"), field + ".name", "zone-" + (i + 1));
            int crowd = (int) Settings.number(zone, "crowdCount", field + ".crowdCount", 0, 0, 500);
            if (crowd == 1) {
                throw new IllegalArgumentException(field + ".crowdCount: 0 (no crowd rule) or 2 to 500");
            }
            zones.add(new ZoneRule(name, Zone.parse(zone.get("polygon"), field + ".polygon"), crowd,
                    Settings.number(zone, "crowdSeconds", field + ".crowdSeconds", 10, 0, 3600),
                    Settings.number(zone, "loiterSeconds", field + ".loiterSeconds", 0, 0, 86_400)));
        }
        return List.copyOf(zones);
    }

    private static List<LineRule> lines(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("config.lines: a list of {name, points, events}");
        }
        List<LineRule> lines = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "config.lines[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> line)) {
                throw new IllegalArgumentException(field + ": an object {name, points, events}");
            }
            String events = line.get("events") == null ? "both" : line.get("events").toString().strip()
                    .toLowerCase(Locale.ROOT);
            if (!List.of("both", "in", "out", "none").contains(events)) {
                throw new IllegalArgumentException(field + ".events: both, in, out or none");
            }
            lines.add(new LineRule(name(line.get("name"), field + ".name", "line-" + (i + 1)),
                    Line.parse(line.get("points"), field + ".points"), events));
        }
        return List.copyOf(lines);
    }

    private static String name(Object value, String field, String otherwise) {
        if (value == null) {
            return otherwise;
        }
        String name = value.toString().strip();
        if (!name.matches("[\\p{L}\\p{N} ._-]{1,40}")) {
            throw new IllegalArgumentException(field + ": 1–40 letters, digits, spaces, '.', '_' or '-'");
        }
        return name;
    }
}
