package nl.uitkijk.api.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /**
     * The cameras this backend holds footage of, including cameras that were removed since.
     *
     * @since 1.1
     */
    default List<String> cameras() {
        return List.of();
    }

    /**
     * When the oldest footage of a camera starts, if there is any.
     *
     * @since 1.1
     */
    default Optional<Instant> oldest(String cameraId) {
        return Optional.empty();
    }

    /**
     * Bytes of footage stored.
     *
     * @since 1.1
     */
    default long usedBytes() {
        return 0;
    }

    /**
     * Bytes free on the storage that holds the footage.
     *
     * @since 1.1
     */
    default long freeBytes() {
        return Long.MAX_VALUE;
    }

    /**
     * Bytes of the storage that holds the footage.
     *
     * @since 1.1
     */
    default long totalBytes() {
        return Long.MAX_VALUE;
    }

    /**
     * Exports into a file the caller owns, so that a backend that writes a file anyway writes it once, where it is
     * wanted (the REST API streams it and deletes it). The default writes {@link #export} into the file.
     *
     * @since 1.2
     */
    default ExportResult exportTo(String cameraId, TimeRange range, java.nio.file.Path target)
            throws IOException, NoFootageException {
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(target)) {
            return export(cameraId, range, out);
        }
    }

    /**
     * The state of every camera this backend records now (health and metrics).
     *
     * @since 1.2
     */
    default java.util.List<RecorderState> states() {
        return java.util.List.of();
    }

    /**
     * Checks the stored footage of a camera in a range against the index (files, sizes, SHA-256): what an auditor
     * asks before trusting an export, and what the background integrity scrub does at its own pace.
     *
     * @return the report, or empty when this backend cannot check
     * @since 1.2
     */
    default java.util.Optional<IntegrityReport> verify(String cameraId, TimeRange range) throws IOException {
        return java.util.Optional.empty();
    }

    /** Nothing is recorded in the requested range. */
    class NoFootageException extends Exception {
        private static final long serialVersionUID = 1L;

        public NoFootageException(String message) {
            super(message);
        }
    }
}
