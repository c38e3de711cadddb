package nl.uitkijk.core.internal.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.uitkijk.api.analytics.AnalyticsPolicies.StoredDetection;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;

/** Analytics policies, stored detections and episodes in the platform database (Flyway V13). */
final class AnalyticsStore {

    /** A camera's policy for one module, as stored. */
    record Policy(String cameraId, String moduleId, boolean enabled, Map<String, Object> config,
            String alarmPriority, List<String> schedule, String changedBy, Instant changed) {
    }

    private static final String SELECT = "SELECT camera_id, module_id, enabled, config, alarm_priority, changed_by, "
            + "changed_us, schedule ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final Database database;

    AnalyticsStore(Database database) {
        this.database = database;
    }

    List<Policy> policies() throws SQLException {
        return policies(SELECT + "FROM analytics_policy ORDER BY camera_id, module_id", null);
    }

    List<Policy> policies(String cameraId) throws SQLException {
        return policies(SELECT + "FROM analytics_policy WHERE camera_id = ? ORDER BY module_id", cameraId);
    }

    private List<Policy> policies(String sql, String cameraId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (cameraId != null) {
                select.setString(1, cameraId);
            }
            List<Policy> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String schedule = rows.getString(8);
                    found.add(new Policy(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            parse(rows.getString(4)), rows.getString(5), schedule.isEmpty() ? List.of()
                                    : List.of(schedule.split(";")), rows.getString(6),
                            Micros.instant(rows.getLong(7))));
                }
            }
            return found;
        }
    }

    void save(Policy policy) throws SQLException {
        String config = json(policy.config());
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM analytics_policy WHERE camera_id = ? AND module_id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO analytics_policy (camera_id, "
                            + "module_id, enabled, config, alarm_priority, changed_by, changed_us, schedule) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, policy.cameraId());
                delete.setString(2, policy.moduleId());
                delete.executeUpdate();
                insert.setString(1, policy.cameraId());
                insert.setString(2, policy.moduleId());
                insert.setBoolean(3, policy.enabled());
                insert.setString(4, config);
                insert.setString(5, policy.alarmPriority());
                insert.setString(6, policy.changedBy());
                insert.setLong(7, Micros.of(policy.changed()));
                insert.setString(8, String.join(";", policy.schedule()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Stores the samples of finished seconds in one transaction. */
    void store(String cameraId, String moduleId, List<DetectionSampler.Sample> samples) throws SQLException {
        if (samples.isEmpty()) {
            return;
        }
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO detection (camera_id, module_id, "
                    + "type, at_us, confidence, x, y, w, h, attributes, grid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DetectionSampler.Sample sample : samples) {
                    Detection best = sample.best();
                    Map<String, String> attributes = new LinkedHashMap<>(best.attributes());
                    attributes.remove("grid");
                    attributes.remove("cells");
                    if (sample.count() > 1) {
                        attributes.put("samples", Integer.toString(sample.count()));
                    }
                    String written = json(attributes);
                    insert.setString(1, cameraId);
                    insert.setString(2, moduleId);
                    insert.setString(3, clip(sample.type(), 32));
                    insert.setLong(4, sample.atMicros());
                    insert.setDouble(5, finite(best.confidence()));
                    insert.setDouble(6, finite(best.x()));
                    insert.setDouble(7, finite(best.y()));
                    insert.setDouble(8, finite(best.width()));
                    insert.setDouble(9, finite(best.height()));
                    insert.setString(10, written.length() > 2000 ? "{}" : written);
                    String grid = sample.grid();
                    insert.setString(11, grid != null && grid.length() == 48 ? grid : null);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    List<StoredDetection> detections(String cameraId, TimeRange range, String type, int limit) throws SQLException {
        String sql = "SELECT id, camera_id, module_id, type, at_us, confidence, x, y, w, h, attributes FROM detection "
                + "WHERE camera_id = ? AND at_us >= ? AND at_us < ?" + (type == null ? "" : " AND type = ?")
                + " ORDER BY at_us DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, cameraId);
            select.setLong(2, Micros.of(range.start()));
            select.setLong(3, Micros.of(range.end()));
            if (type != null) {
                select.setString(4, type);
            }
            List<StoredDetection> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, String> attributes;
                    try {
                        attributes = JSON.readValue(rows.getString(11), STRINGS);
                    } catch (JsonProcessingException e) {
                        attributes = Map.of();
                    }
                    found.add(new StoredDetection(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), Micros.instant(rows.getLong(5)), rows.getDouble(6), rows.getDouble(7),
                            rows.getDouble(8), rows.getDouble(9), rows.getDouble(10), attributes));
                }
            }
            return found;
        }
    }

    /** The motion grids of a camera in a range, oldest first: second → hex grid. */
    List<Map.Entry<Instant, String>> grids(String cameraId, TimeRange range) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT at_us, grid FROM detection WHERE "
                        + "camera_id = ? AND at_us >= ? AND at_us < ? AND grid IS NOT NULL ORDER BY at_us")) {
            select.setString(1, cameraId);
            select.setLong(2, Micros.of(range.start()));
            select.setLong(3, Micros.of(range.end()));
            List<Map.Entry<Instant, String>> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(Map.entry(Micros.instant(rows.getLong(1)), rows.getString(2)));
                }
            }
            return found;
        }
    }

    void episodeOpened(UUID id, String cameraId, String moduleId, String type, long startedMicros)
            throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO analytics_episode (id, camera_id, "
                        + "module_id, type, started_us) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setString(2, cameraId);
            insert.setString(3, moduleId);
            insert.setString(4, clip(type, 32));
            insert.setLong(5, startedMicros);
            insert.executeUpdate();
        }
    }

    void episodeAlarm(UUID id, UUID alarmId) throws SQLException {
        update("UPDATE analytics_episode SET alarm_uid = ? WHERE id = ?", alarmId.toString(), id);
    }

    void episodeEnded(UUID id, long endedMicros) throws SQLException {
        update("UPDATE analytics_episode SET ended_us = ? WHERE id = ?", endedMicros, id);
    }

    void episodeSnapshot(UUID id, byte[] jpeg) throws SQLException {
        update("UPDATE analytics_episode SET snapshot = ? WHERE id = ?", jpeg, id);
    }

    private void update(String sql, Object value, UUID id) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setString(2, id.toString());
            update.executeUpdate();
        }
    }

    Optional<byte[]> snapshot(UUID alarmId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT snapshot FROM analytics_episode WHERE alarm_uid = ? AND snapshot IS NOT NULL")) {
            select.setString(1, alarmId.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Deletes detections and episodes older than {@code before}; returns how many rows went. */
    int deleteBefore(Instant before) throws SQLException {
        return delete(null, before);
    }

    /** Deletes one camera's detections and episodes older than {@code before}. */
    int deleteBefore(String cameraId, Instant before) throws SQLException {
        return delete(cameraId, before);
    }

    private int delete(String cameraId, Instant before) throws SQLException {
        String camera = cameraId == null ? "" : " AND camera_id = ?";
        try (Connection connection = database.connection();
                PreparedStatement detections = connection.prepareStatement(
                        "DELETE FROM detection WHERE at_us < ?" + camera);
                PreparedStatement episodes = connection.prepareStatement(
                        "DELETE FROM analytics_episode WHERE started_us < ?" + camera)) {
            for (PreparedStatement delete : List.of(detections, episodes)) {
                delete.setLong(1, Micros.of(before));
                if (cameraId != null) {
                    delete.setString(2, cameraId);
                }
            }
            return detections.executeUpdate() + episodes.executeUpdate();
        }
    }

    /** A removed camera's policies (what its modules found stays until its retention ends, like its footage). */
    void forget(String cameraId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM analytics_policy WHERE camera_id = ?")) {
            delete.setString(1, cameraId);
            delete.executeUpdate();
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            Map<String, Object> parsed = JSON.readValue(json, OBJECT);
            return parsed == null ? Map.of() : parsed;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? new HashMap<>() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config: not representable as JSON", e);
        }
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
