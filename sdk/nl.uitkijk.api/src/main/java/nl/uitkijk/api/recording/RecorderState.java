package nl.uitkijk.api.recording;

import java.time.Instant;

/**
 * How the recording of one camera goes, for health checks and metrics.
 *
 * @param state {@code recording}, {@code failing} or {@code resubscribing}
 * @param segmentsWritten segments finished since the recorder started
 * @param droppedPackets packets dropped because writing fell behind, since the recorder started
 * @param lastError the current failure in words for the operator, empty when none
 * @param lastSegmentEnd where the newest finished segment ends, or {@code null}
 * @since 1.2
 */
public record RecorderState(String cameraId, String state, long segmentsWritten, long droppedPackets,
        String lastError, Instant lastSegmentEnd) {
}
