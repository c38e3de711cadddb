package nl.uitkijk.core.internal.connector;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Routing;

/** A {@link Routing} made ready to test alarms: its time windows parsed once. */
final class RouteFilter {

    /** What is known of an alarm when it is routed. */
    record Facts(String type, Priority priority, String cameraId, String site, String designationId,
            ZonedDateTime localTime) {
    }

    private record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        boolean contains(ZonedDateTime time) {
            LocalTime clock = time.toLocalTime();
            if (!from.isAfter(to)) {
                return days.contains(time.getDayOfWeek()) && !clock.isBefore(from) && clock.isBefore(to);
            }
            // past midnight: the part after midnight belongs to the day the window started
            return days.contains(time.getDayOfWeek()) && !clock.isBefore(from)
                    || days.contains(time.getDayOfWeek().minus(1)) && clock.isBefore(to);
        }
    }

    private static final Pattern WINDOW = Pattern.compile(
            "(?:([A-Za-z]{3}(?:\\s*[-,]\\s*[A-Za-z]{3})*)\\s+)?(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final Routing routing;
    private final List<Window> windows;

    RouteFilter(Routing routing) {
        this.routing = routing;
        List<Window> parsed = new ArrayList<>();
        for (String window : routing.windows()) {
            parsed.add(parse(window));
        }
        this.windows = List.copyOf(parsed);
    }

    Routing routing() {
        return routing;
    }

    boolean takes(Facts alarm) {
        if (routing.types().isEmpty() ? alarm.type().startsWith("delivery-")
                : !routing.types().contains(alarm.type())) {
            return false;
        }
        if (routing.minPriority() != null && alarm.priority().ordinal() > routing.minPriority().ordinal()) {
            return false;
        }
        if (!routing.cameras().isEmpty() && !routing.cameras().contains(alarm.cameraId())) {
            return false;
        }
        if (!routing.sites().isEmpty() && !routing.sites().contains(alarm.site())) {
            return false;
        }
        if (!routing.designations().isEmpty() && !routing.designations().contains(alarm.designationId())) {
            return false;
        }
        return windows.isEmpty() || windows.stream().anyMatch(window -> window.contains(alarm.localTime()));
    }

    /**
     * Reads {@code HH:MM-HH:MM}, {@code Mon-Fri HH:MM-HH:MM} or {@code Sat,Sun HH:MM-HH:MM}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    static void check(String window) {
        parse(window);
    }

    private static Window parse(String text) {
        Matcher match = WINDOW.matcher(text == null ? "" : text.strip());
        if (!match.matches()) {
            throw new IllegalArgumentException("routing window '" + text
                    + "': expected HH:MM-HH:MM, optionally after days (Mon-Fri, Sat,Sun)");
        }
        try {
            LocalTime from = LocalTime.parse(pad(match.group(2)));
            LocalTime to = LocalTime.parse(pad(match.group(3)));
            return new Window(days(match.group(1), text), from, to);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("routing window '" + text + "': " + e.getParsedString()
                    + " is no time of day");
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static Set<DayOfWeek> days(String text, String window) {
        if (text == null) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            int from = day(range[0], window);
            int to = range.length > 1 ? day(range[1], window) : from;
            for (int day = from; ; day = (day + 1) % 7) {
                days.add(DayOfWeek.of(day + 1));
                if (day == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String name, String window) {
        int day = DAYS.indexOf(name.strip().toUpperCase(Locale.ROOT));
        if (day < 0) {
            throw new IllegalArgumentException("routing window '" + window + "': '" + name.strip()
                    + "' is no day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
        }
        return day;
    }
}
