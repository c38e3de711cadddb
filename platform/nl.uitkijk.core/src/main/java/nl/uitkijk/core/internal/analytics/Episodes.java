package nl.uitkijk.core.internal.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a detection type's episode begins and ends on one camera for one module: it opens with the first frame that
 * has a detection of the type and closes when none has come for {@code gapMicros} of frame time (a module's own
 * hysteresis decides when it reports; this only joins its reports). One thread at a time.
 */
final class Episodes {

    /** A change: {@code opened} true when the type's episode began at {@code atMicros}, false when it ended. */
    record Change(String type, boolean opened, long atMicros) {
    }

    private final Set<String> eventTypes;
    private final long gapMicros;
    private final Map<String, Long> lastSeen = new HashMap<>();

    Episodes(Set<String> eventTypes, long gapMicros) {
        this.eventTypes = Set.copyOf(eventTypes);
        this.gapMicros = gapMicros;
    }

    /** The types found in a frame taken at {@code atMicros}; returns what began or ended. */
    List<Change> frame(Set<String> found, long atMicros) {
        List<Change> changes = new ArrayList<>();
        for (String type : eventTypes) {
            Long seen = lastSeen.get(type);
            if (found.contains(type)) {
                if (seen == null) {
                    changes.add(new Change(type, true, atMicros));
                }
                lastSeen.put(type, atMicros);
            } else if (seen != null && (atMicros - seen >= gapMicros || atMicros < seen)) {
                lastSeen.remove(type);
                changes.add(new Change(type, false, seen));
            }
        }
        return changes;
    }

    /** The episodes still open, ended now (the module stops). */
    List<Change> closeAll() {
        List<Change> changes = new ArrayList<>();
        lastSeen.forEach((type, seen) -> changes.add(new Change(type, false, seen)));
        lastSeen.clear();
        return changes;
    }
}
