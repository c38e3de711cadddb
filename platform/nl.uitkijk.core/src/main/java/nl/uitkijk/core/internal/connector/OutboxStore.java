package nl.uitkijk.core.internal.connector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.alarm.Delivery;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;

/** The outbox's rows: each alarm's delivery to one connector instance, read and updated by that instance's lane. */
public final class OutboxStore {

    /** One undelivered alarm of a lane, with what the connector needs of the alarm. */
    record Pending(long alarmId, UUID uid, Instant raised, String cameraId, String type, Priority priority,
            String summary, String raisedBy, int attempts, long nextUs, Long failingUs) {
    }

    private final Database database;

    OutboxStore(Database database) {
        this.database = database;
    }

    /** The oldest undelivered alarms of an instance, in the order they were raised. */
    List<Pending> pending(String connectorId, int limit) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT d.alarm_id, d.attempts, d.next_us, "
                        + "d.failing_us, a.uid, a.raised_us, a.camera_id, a.type, a.priority, a.summary, a.raised_by "
                        + "FROM alarm_delivery d JOIN alarm a ON a.id = d.alarm_id "
                        + "WHERE d.connector_id = ? AND d.done = 0 ORDER BY d.alarm_id FETCH FIRST " + limit
                        + " ROWS ONLY")) {
            select.setString(1, connectorId);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long failing = rows.getLong("failing_us");
                    Long failingUs = rows.wasNull() ? null : failing;
                    pending.add(new Pending(rows.getLong("alarm_id"), UUID.fromString(rows.getString("uid")),
                            micros(rows.getLong("raised_us")), rows.getString("camera_id"), rows.getString("type"),
                            Priority.valueOf(rows.getString("priority")), rows.getString("summary"),
                            rows.getString("raised_by"), rows.getInt("attempts"), rows.getLong("next_us"),
                            failingUs));
                }
            }
            return pending;
        }
    }

    long backlog(String connectorId) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM alarm_delivery WHERE connector_id = ? AND done = 0")) {
            select.setString(1, connectorId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    void delivered(long alarmId, String connectorId, long nowUs) throws SQLException {
        update("UPDATE alarm_delivery SET state = 'DELIVERED', done = 1, attempts = attempts + 1, last_us = ?, "
                + "delivered_us = ?, last_error = NULL WHERE alarm_id = ? AND connector_id = ?", alarmId,
                connectorId, nowUs, nowUs);
    }

    void rejected(long alarmId, String connectorId, long nowUs, String detail) throws SQLException {
        update("UPDATE alarm_delivery SET state = 'REJECTED', done = 1, attempts = attempts + 1, last_us = ?, "
                + "last_error = ? WHERE alarm_id = ? AND connector_id = ?", alarmId, connectorId, nowUs,
                clip(detail));
    }

    void retry(long alarmId, String connectorId, long nowUs, String detail, long nextUs, long failingUs)
            throws SQLException {
        update("UPDATE alarm_delivery SET state = 'RETRYING', attempts = attempts + 1, last_us = ?, last_error = ?, "
                + "next_us = ?, failing_us = ? WHERE alarm_id = ? AND connector_id = ?", alarmId, connectorId,
                nowUs, clip(detail), nextUs, failingUs);
    }

    /** Makes an instance's waiting alarms due now (its connector came back, or an administrator asked). */
    void dueNow(String connectorId, long nowUs) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement("UPDATE alarm_delivery SET next_us = ? "
                        + "WHERE connector_id = ? AND done = 0 AND next_us > ?")) {
            update.setLong(1, nowUs);
            update.setString(2, connectorId);
            update.setLong(3, nowUs);
            update.executeUpdate();
        }
    }

    private void update(String sql, long alarmId, String connectorId, Object... values) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : values) {
                update.setObject(index++, value);
            }
            update.setLong(index++, alarmId);
            update.setString(index, connectorId);
            update.executeUpdate();
        }
    }

    /** Each instance's delivery of an alarm. */
    public static List<Delivery> deliveries(Connection connection, long alarmId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT connector_id, state, attempts, last_error, "
                + "last_us, delivered_us, failing_us FROM alarm_delivery WHERE alarm_id = ? ORDER BY connector_id")) {
            select.setLong(1, alarmId);
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(delivery(rows));
                }
            }
            return deliveries;
        }
    }

    /** A delivery from a row with its columns by name. */
    public static Delivery delivery(ResultSet rows) throws SQLException {
        return new Delivery(rows.getString("connector_id"), Delivery.State.valueOf(rows.getString("state")),
                rows.getInt("attempts"), rows.getString("last_error"), optional(rows, "last_us"),
                optional(rows, "delivered_us"), optional(rows, "failing_us"));
    }

    private static Instant optional(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : micros(value);
    }

    private static String clip(String text) {
        String value = text == null ? "" : text;
        return value.length() > 500 ? value.substring(0, 497) + "…" : value;
    }

    static long micros(Instant instant) {
        return Micros.of(instant);
    }

    static Instant micros(long micros) {
        return Micros.instant(micros);
    }
}
