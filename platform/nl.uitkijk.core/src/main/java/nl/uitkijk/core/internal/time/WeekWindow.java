package nl.uitkijk.core.internal.time;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly time window as administrators write it: {@code HH:MM-HH:MM}, {@code Mon-Fri HH:MM-HH:MM} or
 * {@code Sat,Sun HH:MM-HH:MM} ({@code 24:00} is the end of the day); past midnight ({@code 22:00-06:00}) the part after midnight belongs to the day the
 * window started. Used by control-room routing and analytics schedules.
 */
public record WeekWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    private static final Pattern WINDOW = Pattern.compile(
            "(?:([A-Za-z]{3}(?:\\s*[-,]\\s*[A-Za-z]{3})*)\\s+)?(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    public boolean contains(ZonedDateTime time) {
        LocalTime clock = time.toLocalTime();
        if (!from.isAfter(to)) {
            return days.contains(time.getDayOfWeek()) && !clock.isBefore(from)
                    && (clock.isBefore(to) || to.equals(LocalTime.MAX));
        }
        return days.contains(time.getDayOfWeek()) && !clock.isBefore(from)
                || days.contains(time.getDayOfWeek().minus(1)) && clock.isBefore(to);
    }

    /**
     * @param what how errors name it ("routing window", "config.schedule")
     * @throws IllegalArgumentException saying what is expected
     */
    public static WeekWindow parse(String text, String what) {
        Matcher match = WINDOW.matcher(text == null ? "" : text.strip());
        if (!match.matches()) {
            throw new IllegalArgumentException(what + " '" + text
                    + "': expected HH:MM-HH:MM, optionally after days (Mon-Fri, Sat,Sun)");
        }
        try {
            LocalTime from = LocalTime.parse(pad(match.group(2)));
            LocalTime to = match.group(3).equals("24:00") ? LocalTime.MAX : LocalTime.parse(pad(match.group(3)));
            return new WeekWindow(days(match.group(1), text, what), from, to);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "': " + e.getParsedString()
                    + " is no time of day");
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static Set<DayOfWeek> days(String text, String window, String what) {
        if (text == null) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            int from = day(range[0], window, what);
            int to = range.length > 1 ? day(range[1], window, what) : from;
            for (int day = from; ; day = (day + 1) % 7) {
                days.add(DayOfWeek.of(day + 1));
                if (day == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String name, String window, String what) {
        int day = DAYS.indexOf(name.strip().toUpperCase(Locale.ROOT));
        if (day < 0) {
            throw new IllegalArgumentException(what + " '" + window + "': '" + name.strip()
                    + "' is no day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
        }
        return day;
    }
}
