package nl.uitkijk.recorder.segment.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline.Gap;
import org.flywaydb.core.Flyway;

/** The segment index in the platform database, with its own migrations and history table. */
final class SegmentIndex {

    record Segment(long id, String cameraId, Instant start, Instant end, long bytes, String sha256, String path) {
        TimeRange range() {
            return new TimeRange(start, end);
        }
    }

    private final DataSource dataSource;

    SegmentIndex(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure(SegmentIndex.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:nl/uitkijk/recorder/segment/db/migration")
                .table("recorder_segment_schema_history")
                .baselineOnMigrate(true).baselineVersion("0")
                .load()
                .migrate();
    }

    /** The index row of one finished segment (path relative to the storage root). */
    record Row(String cameraId, Instant start, Instant end, long bytes, String sha256, String path) {
    }

    void addSegment(Row row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO recording_segment (camera_id, start_us, end_us, bytes, sha256, path) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, row.cameraId());
            s.setLong(2, micros(row.start()));
            s.setLong(3, micros(row.end()));
            s.setLong(4, row.bytes());
            s.setString(5, row.sha256());
            s.setString(6, row.path());
            s.executeUpdate();
        }
    }

    /** Whether a segment of this path is indexed. */
    boolean hasSegment(String path) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM recording_segment WHERE path = ?")) {
            s.setString(1, path);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    void addGap(String cameraId, Instant start, Instant end, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO recording_gap (camera_id, start_us, end_us, reason) VALUES (?, ?, ?, ?)")) {
            s.setString(1, cameraId);
            s.setLong(2, micros(start));
            s.setLong(3, micros(end));
            s.setString(4, reason.length() > 300 ? reason.substring(0, 300) : reason);
            s.executeUpdate();
        }
    }

    /** Segments of a camera that overlap the range, oldest first. */
    List<Segment> segments(String cameraId, TimeRange range) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, camera_id, start_us, end_us, bytes, sha256, path FROM recording_segment "
                        + "WHERE camera_id = ? AND end_us > ? AND start_us < ? ORDER BY start_us")) {
            s.setString(1, cameraId);
            s.setLong(2, micros(range.start()));
            s.setLong(3, micros(range.end()));
            return readSegments(s);
        }
    }

    /** Every segment of a camera, oldest first. */
    List<Segment> allSegments(String cameraId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, camera_id, start_us, end_us, bytes, sha256, path FROM recording_segment "
                        + "WHERE camera_id = ? ORDER BY start_us")) {
            s.setString(1, cameraId);
            return readSegments(s);
        }
    }

    /** Segments of a camera that end at or before the cutoff, oldest first. */
    List<Segment> segmentsEndingBefore(String cameraId, Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, camera_id, start_us, end_us, bytes, sha256, path FROM recording_segment "
                        + "WHERE camera_id = ? AND end_us <= ? ORDER BY start_us")) {
            s.setString(1, cameraId);
            s.setLong(2, micros(cutoff));
            return readSegments(s);
        }
    }

    Optional<Instant> oldest(String cameraId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT MIN(start_us) FROM recording_segment WHERE camera_id = ?")) {
            s.setString(1, cameraId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long start = r.getLong(1);
                return r.wasNull() ? Optional.empty() : Optional.of(instant(start));
            }
        }
    }

    long totalBytes() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(bytes), 0) FROM recording_segment");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    List<String> cameras() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT camera_id FROM recording_segment ORDER BY camera_id");
                ResultSet r = s.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (r.next()) {
                ids.add(r.getString(1));
            }
            return ids;
        }
    }

    List<Gap> gaps(String cameraId, TimeRange range) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT start_us, end_us, reason FROM recording_gap WHERE camera_id = ? AND end_us > ? "
                        + "AND start_us < ? ORDER BY start_us")) {
            s.setString(1, cameraId);
            s.setLong(2, micros(range.start()));
            s.setLong(3, micros(range.end()));
            try (ResultSet r = s.executeQuery()) {
                List<Gap> gaps = new ArrayList<>();
                while (r.next()) {
                    gaps.add(new Gap(new TimeRange(instant(r.getLong(1)), instant(r.getLong(2))), r.getString(3)));
                }
                return gaps;
            }
        }
    }

    void deleteSegment(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM recording_segment WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    void deleteGapsBefore(String cameraId, Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM recording_gap WHERE camera_id = ? AND end_us <= ?")) {
            s.setString(1, cameraId);
            s.setLong(2, micros(cutoff));
            s.executeUpdate();
        }
    }

    private static List<Segment> readSegments(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            List<Segment> segments = new ArrayList<>();
            while (r.next()) {
                segments.add(new Segment(r.getLong(1), r.getString(2), instant(r.getLong(3)), instant(r.getLong(4)),
                        r.getLong(5), r.getString(6), r.getString(7)));
            }
            return segments;
        }
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
