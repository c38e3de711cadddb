package nl.uitkijk.recorder.segment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.uitkijk.api.recording.IntegrityReport;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.recorder.segment.internal.SegmentIndex.Segment;

/**
 * Re-hashes stored segments against the index: a missing file, another size, another SHA-256, or a footage file the
 * index does not know (and that is not waiting for its row, {@link PendingSegments}) is a problem. Reading is paced
 * (bytes per second) so that a scrub of weeks of footage never competes with recording for the disk.
 */
final class IntegrityCheck {

    private final Path root;
    private final SegmentIndex index;
    private final long bytesPerSecond;

    /** @param bytesPerSecond the most to read per second; 0 for as fast as the disk goes */
    IntegrityCheck(Path root, SegmentIndex index, long bytesPerSecond) {
        this.root = root;
        this.index = index;
        this.bytesPerSecond = bytesPerSecond;
    }

    IntegrityReport verify(String cameraId, TimeRange range) throws IOException, InterruptedException {
        List<Segment> segments;
        try {
            segments = index.segments(cameraId, range);
        } catch (SQLException e) {
            throw new IOException("the segment index cannot be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        Set<String> indexed = new HashSet<>();
        long bytes = 0;
        long started = System.nanoTime();
        for (Segment segment : segments) {
            indexed.add(segment.path());
            Path file = root.resolve(segment.path());
            if (!Files.isRegularFile(file)) {
                problems.add(segment.path() + ": in the index, missing on disk");
                continue;
            }
            long size = Files.size(file);
            if (size != segment.bytes()) {
                problems.add(segment.path() + ": " + size + " bytes on disk, " + segment.bytes() + " indexed");
                continue;
            }
            String sha256 = CameraRecorder.sha256(file);
            bytes += size;
            if (!sha256.equals(segment.sha256())) {
                problems.add(segment.path() + ": SHA-256 " + sha256 + " differs from the indexed "
                        + segment.sha256() + " (the footage was altered or damaged)");
            }
            pace(bytes, started);
        }
        problems.addAll(unindexed(cameraId, range, indexed));
        return new IntegrityReport(cameraId, range, Instant.now(), segments.size(), bytes, problems);
    }

    /** Footage files of the camera that start in the range but that the index does not know. */
    private List<String> unindexed(String cameraId, TimeRange range, Set<String> indexed) throws IOException {
        Path folder = root.resolve(cameraId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".mp4")).toList()) {
                Instant start = startOf(file);
                String relative = root.relativize(file).toString();
                if (start != null && !start.isBefore(range.start()) && start.isBefore(range.end())
                        && !indexed.contains(relative)
                        && !Files.exists(file.resolveSibling(file.getFileName() + PendingSegments.SUFFIX))) {
                    problems.add(relative + ": on disk, not in the index");
                }
            }
        }
        return problems;
    }

    /** A segment's file is named after its start in microseconds since the epoch. */
    private static Instant startOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return SegmentIndex.instant(Long.parseLong(name.substring(0, name.length() - ".mp4".length())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void pace(long bytes, long startedNanos) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long dueNanos = bytes * 1_000_000_000L / bytesPerSecond;
        long aheadMillis = (dueNanos - (System.nanoTime() - startedNanos)) / 1_000_000;
        if (aheadMillis > 0) {
            Thread.sleep(aheadMillis);
        }
    }
}
