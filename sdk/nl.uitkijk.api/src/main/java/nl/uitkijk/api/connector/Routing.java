package nl.uitkijk.api.connector;

import java.util.List;
import java.util.Set;
import nl.uitkijk.api.alarm.Alarm.Priority;

/**
 * Which alarms a connector instance receives. Every part narrows: an empty set or list lets everything through, so
 * a routing with nothing set (the default) takes every alarm. Alarms about the delivery itself ({@code delivery-*})
 * reach an instance only when its {@code types} name them, so a failing control room is not sent its own failure.
 *
 * @param types alarm types ({@code camera-offline}, {@code motion}, …)
 * @param minPriority the least urgent priority taken ({@code MEDIUM} takes high and medium), or {@code null}
 * @param cameras camera ids
 * @param sites camera sites ({@code Centrum}, {@code Hoensbroek})
 * @param designations ids of the 151c designations covering the camera
 * @param windows times of the week in the installation's time zone, each {@code HH:MM-HH:MM} or
 *        {@code Mon-Fri HH:MM-HH:MM} / {@code Sat,Sun HH:MM-HH:MM} (an end before the start runs past midnight)
 */
public record Routing(Set<String> types, Priority minPriority, Set<String> cameras, Set<String> sites,
        Set<String> designations, List<String> windows) {

    /** Takes every alarm. */
    public static final Routing ALL = new Routing(Set.of(), null, Set.of(), Set.of(), Set.of(), List.of());

    /** Configuration keys, as stored in the instance's factory configuration (values are string arrays). */
    public static final String TYPES = "route.types";
    public static final String MIN_PRIORITY = "route.minPriority";
    public static final String CAMERAS = "route.cameras";
    public static final String SITES = "route.sites";
    public static final String DESIGNATIONS = "route.designations";
    public static final String WINDOWS = "route.windows";

    public Routing {
        types = types == null ? Set.of() : Set.copyOf(types);
        cameras = cameras == null ? Set.of() : Set.copyOf(cameras);
        sites = sites == null ? Set.of() : Set.copyOf(sites);
        designations = designations == null ? Set.of() : Set.copyOf(designations);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
