package nl.uitkijk.api.recording;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking stored footage against its index: each segment's file present, of its indexed size, with
 * its indexed SHA-256, and no file of footage the index does not know.
 *
 * @param problems one line per mismatch, empty when the footage is as it was recorded
 * @since 1.2
 */
public record IntegrityReport(String cameraId, TimeRange range, Instant checkedAt, long segmentsChecked,
        long bytesChecked, List<String> problems) {

    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
