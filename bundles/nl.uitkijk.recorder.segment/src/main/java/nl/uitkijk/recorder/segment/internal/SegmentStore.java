package nl.uitkijk.recorder.segment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.uitkijk.api.recording.ExportResult;
import nl.uitkijk.api.recording.RecordingBackend.NoFootageException;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline;
import nl.uitkijk.recorder.segment.internal.SegmentIndex.Segment;

/** What is recorded, read back: the timeline, exports, and deletion for retention. */
final class SegmentStore {

    /** Segments closer than this are one range in the timeline. */
    static final Duration ADJACENT = Duration.ofMillis(1_500);

    private final SegmentIndex index;
    private final Path root;

    SegmentStore(SegmentIndex index, Path root) {
        this.index = index;
        this.root = root;
    }

    public Timeline timeline(String cameraId, TimeRange range) {
        try {
            List<TimeRange> ranges = new ArrayList<>();
            Instant start = null;
            Instant end = null;
            for (Segment segment : index.segments(cameraId, range)) {
                if (start == null || Duration.between(end, segment.start()).compareTo(ADJACENT) > 0) {
                    if (start != null) {
                        ranges.add(clip(new TimeRange(start, end), range));
                    }
                    start = segment.start();
                }
                end = end == null || segment.end().isAfter(end) ? segment.end() : end;
            }
            if (start != null) {
                ranges.add(clip(new TimeRange(start, end), range));
            }
            List<Timeline.Gap> gaps = index.gaps(cameraId, range).stream()
                    .map(gap -> new Timeline.Gap(clip(gap.range(), range), gap.reason())).toList();
            return new Timeline(ranges, gaps);
        } catch (SQLException e) {
            throw new IllegalStateException("the segment index cannot be read: " + e.getMessage(), e);
        }
    }

    public ExportResult export(String cameraId, TimeRange range, OutputStream out)
            throws IOException, NoFootageException {
        Path temporary = Files.createTempFile(root, ".export-", ".mp4");
        try {
            exportTo(cameraId, range, temporary);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (DigestOutputStream digesting = new DigestOutputStream(nonClosing(out), sha256)) {
                bytes = Files.copy(temporary, digesting);
            }
            return new ExportResult(bytes, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Muxes the footage straight into the target (MP4 needs a seekable file) and hashes it: one write, one read. */
    public ExportResult exportTo(String cameraId, TimeRange range, Path target) throws IOException, NoFootageException {
        List<Segment> segments;
        try {
            segments = index.segments(cameraId, range);
        } catch (SQLException e) {
            throw new IOException("the segment index cannot be read: " + e.getMessage(), e);
        }
        if (segments.isEmpty()) {
            throw new NoFootageException("nothing of camera '" + cameraId + "' is recorded from " + range.start()
                    + " to " + range.end());
        }
        if (!SegmentExporter.export(root, segments, range, target)) {
            throw new NoFootageException("no picture of camera '" + cameraId + "' in the range");
        }
        return new ExportResult(Files.size(target), CameraRecorder.sha256(target));
    }

    public long deleteBefore(String cameraId, Instant cutoff, List<TimeRange> held) throws IOException {
        long deleted = 0;
        try {
            for (Segment segment : index.segmentsEndingBefore(cameraId, cutoff)) {
                if (held.stream().noneMatch(segment.range()::overlaps)) {
                    index.deleteSegment(segment.id());
                    Files.deleteIfExists(root.resolve(segment.path()));
                    deleted += segment.bytes();
                }
            }
            index.deleteGapsBefore(cameraId, cutoff);
        } catch (SQLException e) {
            throw new IOException("the segment index cannot be changed: " + e.getMessage(), e);
        }
        return deleted;
    }

    private static TimeRange clip(TimeRange inner, TimeRange outer) {
        Instant start = inner.start().isBefore(outer.start()) ? outer.start() : inner.start();
        Instant end = inner.end().isAfter(outer.end()) ? outer.end() : inner.end();
        return new TimeRange(start, end.isBefore(start) ? start : end);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
                    public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

                    public void close() throws IOException {
                flush();
            }
        };
    }

}
