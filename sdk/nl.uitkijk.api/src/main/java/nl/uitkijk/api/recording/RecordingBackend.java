package nl.uitkijk.api.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps footage: packets go in unchanged (remuxed, never transcoded), ranges come out.
 */
@ConsumerType
public interface RecordingBackend {

    /** Opens the sink for one camera's main stream; packets arrive through it until it is closed. */
    RecordingSink open(String cameraId);

    Timeline timeline(String cameraId, TimeRange range);

    /**
     * Writes the footage of a range as one playable file.
     *
     * @throws NoFootageException when nothing is recorded in the range
     */
    ExportResult export(String cameraId, TimeRange range, OutputStream out) throws IOException, NoFootageException;

    /**
     * Deletes footage of a camera that ended before the cutoff, except what overlaps a held range.
     *
     * @return number of bytes deleted
     */
    long deleteBefore(String cameraId, Instant cutoff, List<TimeRange> held) throws IOException;

    /** Nothing is recorded in the requested range. */
    class NoFootageException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoFootageException(String message) {
            super(message);
        }
    }
}
