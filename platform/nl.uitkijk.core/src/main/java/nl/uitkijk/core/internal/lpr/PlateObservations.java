package nl.uitkijk.core.internal.lpr;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.uitkijk.api.analytics.Detection;

/** Where the analytics runtime hands each passage an LPR module reported: checked, kept or dropped here. */
public interface PlateObservations {

    /** A passage that is on the hotlist. */
    record Hit(UUID passageId, String plate, String formatted, String reason, String priority) {
    }

    /**
     * Checks a passage against the hotlist: a hit is kept and answered; a no-hit is kept only within the no-hit
     * window (not at all by default).
     */
    Optional<Hit> observed(String cameraId, Detection passage, Instant at);

    /** The alarm a hit raised, kept with it. */
    void alarmRaised(UUID passageId, UUID alarmId);
}
