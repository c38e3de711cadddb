package nl.uitkijk.core.internal.connector;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.Routing;
import nl.uitkijk.core.internal.time.WeekWindow;

/** A {@link Routing} made ready to test alarms: its time windows parsed once. */
final class RouteFilter {

    /** What is known of an alarm when it is routed. */
    record Facts(String type, Priority priority, String cameraId, String site, String designationId,
            ZonedDateTime localTime) {
    }

    private final Routing routing;
    private final List<WeekWindow> windows;

    RouteFilter(Routing routing) {
        this.routing = routing;
        List<WeekWindow> parsed = new ArrayList<>();
        for (String window : routing.windows()) {
            parsed.add(WeekWindow.parse(window, "routing window"));
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
        WeekWindow.parse(window, "routing window");
    }
}
