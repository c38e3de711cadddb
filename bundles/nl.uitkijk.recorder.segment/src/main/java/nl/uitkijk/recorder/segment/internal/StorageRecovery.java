package nl.uitkijk.recorder.segment.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import nl.uitkijk.recorder.segment.internal.SegmentIndex.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the index and the files agree after a crash: a segment indexed but not yet renamed gets its name; an
 * unfinished segment ({@code .part} without an index row) is removed; an index row without its file is removed; a
 * segment written while the database refused its row ({@link PendingSegments}) is indexed.
 * Everything done is logged.
 */
final class StorageRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StorageRecovery.class);

    private final Path root;
    private final SegmentIndex index;

    StorageRecovery(Path root, SegmentIndex index) {
        this.root = root;
        this.index = index;
    }

    void run() throws IOException, SQLException {
        PendingSegments.indexWaiting(root, index); // before unfinished .part files are judged: theirs are finished
        for (String camera : index.cameras()) {
            for (Segment segment : index.allSegments(camera)) {
                Path file = root.resolve(segment.path());
                Path part = file.resolveSibling(file.getFileName() + CameraRecorder.PART);
                if (!Files.exists(file) && Files.exists(part)) {
                    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("Recovery: finished renaming segment {}", segment.path());
                } else if (!Files.exists(file)) {
                    index.deleteSegment(segment.id());
                    LOG.warn("Recovery: segment {} of camera '{}' is missing on disk; removed from the index",
                            segment.path(), camera);
                }
            }
        }
        List<Path> unfinished;
        try (Stream<Path> files = SegmentRecorder.files(root)) {
            unfinished = files.filter(p -> p.getFileName().toString().endsWith(CameraRecorder.PART)).toList();
        }
        for (Path part : unfinished) {
            LOG.warn("Recovery: unfinished segment {} ({} bytes) from before a crash is discarded",
                    root.relativize(part), Files.size(part));
            Files.delete(part);
        }
    }
}
