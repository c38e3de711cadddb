package nl.uitkijk.recorder.segment.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments written while the database refused their index row: the row waits beside the footage in a sidecar file
 * ({@code <segment>.mp4}{@value #SUFFIX}, written before the segment gets its final name) until it can be indexed —
 * at start-up recovery and every half minute while the recorder runs. The footage is never deleted for it.
 */
final class PendingSegments {

    static final String SUFFIX = ".pending";
    private static final Logger LOG = LoggerFactory.getLogger(PendingSegments.class);

    private PendingSegments() {
    }

    /** Writes the row beside the segment (atomically: a crash leaves the old state or the new, never half). */
    static void keep(Path root, SegmentIndex.Row row) throws IOException {
        Path sidecar = root.resolve(row.path() + SUFFIX);
        Path temporary = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
        Properties properties = new Properties();
        properties.setProperty("camera", row.cameraId());
        properties.setProperty("start", row.start().toString());
        properties.setProperty("end", row.end().toString());
        properties.setProperty("bytes", Long.toString(row.bytes()));
        properties.setProperty("sha256", row.sha256());
        properties.setProperty("path", row.path());
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "index row of a segment written while the database refused it");
        }
        Files.move(temporary, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.warn("Segment {} kept; its index row waits in {}", row.path(), sidecar.getFileName());
    }

    /**
     * Indexes every waiting segment the database takes now; a segment whose {@code .part} was not yet renamed gets
     * its name. Stops at the first refusal (the database is still away).
     *
     * @return how many were indexed
     */
    static int indexWaiting(Path root, SegmentIndex index) throws IOException {
        List<Path> sidecars;
        try (Stream<Path> files = SegmentRecorder.files(root)) {
            sidecars = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        int indexed = 0;
        for (Path sidecar : sidecars) {
            SegmentIndex.Row row;
            try {
                row = read(sidecar);
            } catch (IOException | RuntimeException e) {
                LOG.error("Unreadable sidecar {} left in place for an administrator: {}", sidecar, e.toString());
                continue;
            }
            Path file = root.resolve(row.path());
            Path part = file.resolveSibling(file.getFileName() + CameraRecorder.PART);
            if (!Files.exists(file) && Files.exists(part)) {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.exists(file)) {
                LOG.warn("Segment {} of a waiting index row is gone; the row is dropped", row.path());
                Files.delete(sidecar);
                continue;
            }
            try {
                if (!index.hasSegment(row.path())) {
                    index.addSegment(row);
                }
            } catch (SQLException e) {
                LOG.debug("The database still refuses waiting segments: {}", e.getMessage());
                return indexed;
            }
            Files.delete(sidecar);
            indexed++;
        }
        if (indexed > 0) {
            LOG.warn("Indexed {} segment(s) that were written while the database refused them", indexed);
        }
        return indexed;
    }

    private static SegmentIndex.Row read(Path sidecar) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return new SegmentIndex.Row(required(properties, "camera"), Instant.parse(required(properties, "start")),
                Instant.parse(required(properties, "end")), Long.parseLong(required(properties, "bytes")),
                required(properties, "sha256"), required(properties, "path"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }
}
