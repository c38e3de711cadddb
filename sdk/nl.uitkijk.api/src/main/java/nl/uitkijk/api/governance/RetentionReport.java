package nl.uitkijk.api.governance;

import java.time.Instant;
import java.util.List;

/**
 * What one retention run deleted, and why.
 *
 * @param deletions one line per camera and cause
 * @param warnings what the run could not do (e.g. the quota is exceeded by held footage alone)
 */
public record RetentionReport(Instant ranAt, long bytesDeleted, List<Deletion> deletions, List<String> warnings) {

    /** Bytes of one camera deleted for one cause: {@code age}, {@code quota} or {@code low disk}. */
    public record Deletion(String cameraId, String cause, Instant cutoff, long bytes) {
    }

    public RetentionReport {
        deletions = List.copyOf(deletions);
        warnings = List.copyOf(warnings);
    }
}
