package nl.uitkijk.api.lpr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's plate register. A passage read by the LPR module on a camera is checked against the hotlist: a
 * hit is kept (with the camera's footage retention) and raises an alarm with the hotlist entry's priority; a no-hit
 * is kept only for the configured short window (PID {@code nl.uitkijk.lpr}, {@code noHitSeconds}, default 0: not
 * kept at all).
 */
@ProviderType
public interface LicencePlates {

    /**
     * A plate the administrators look for.
     *
     * @param plate letters and digits, upper case
     * @param reason why (a court order, an environmental zone…): shown to the operator with the alarm
     * @param validUntil after this the entry no longer matches (and is deleted)
     * @param priority the alarm's priority: {@code HIGH}, {@code MEDIUM} or {@code LOW}
     */
    record HotlistEntry(String plate, String reason, Instant validUntil, String priority, String addedBy,
            Instant addedAt) {
    }

    /**
     * A kept read: a hit (with the hotlist reason and the alarm it raised) or, within the no-hit window, a no-hit.
     *
     * @param hotlistReason null for a no-hit
     * @param alarmId null for a no-hit
     */
    record Passage(UUID id, String cameraId, Instant at, String text, String formatted, String sidecode,
            String country, double confidence, int votes, String hotlistReason, UUID alarmId) {
    }

    List<HotlistEntry> hotlist();

    /**
     * Adds or replaces an entry; the caller audits it ({@code lpr.hotlist}).
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    HotlistEntry addToHotlist(String plate, String reason, Instant validUntil, String priority, String user);

    /** Removes an entry; false when there was none. */
    boolean removeFromHotlist(String plate);

    /**
     * Kept passages between two moments, newest first; {@code plate} (letters and digits, any case, or null for all)
     * narrows them, {@code cameras} (null: all) too. The caller audits the search ({@code lpr.search}).
     */
    List<Passage> passages(String plate, Instant from, Instant to, java.util.Set<String> cameras, int limit);

    /** How long no-hits are kept, in seconds (0: not at all). */
    long noHitSeconds();
}
