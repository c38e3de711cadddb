package nl.uitkijk.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.LegalHold;
import nl.uitkijk.api.governance.LegalHolds;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The legal-hold register in the platform database. */
@Component(service = LegalHolds.class)
public class LegalHoldsImpl implements LegalHolds {

    private static final String COLUMNS = "id, camera_id, start_us, end_us, reason, case_number, created_by, "
            + "created_us, released_us, released_by";
    private static final Logger LOG = LoggerFactory.getLogger(LegalHoldsImpl.class);

    private final Database database;
    private final AuditLog audit;

    @Activate
    public LegalHoldsImpl(@Reference Database database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public List<LegalHold> active(String cameraId) {
        return query("SELECT " + COLUMNS + " FROM legal_hold WHERE camera_id = ? AND released_us IS NULL "
                + "ORDER BY start_us", cameraId);
    }

    @Override
    public List<LegalHold> all() {
        return query("SELECT " + COLUMNS + " FROM legal_hold ORDER BY id DESC");
    }

    @Override
    public Optional<LegalHold> hold(long id) {
        return query("SELECT " + COLUMNS + " FROM legal_hold WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public LegalHold add(String cameraId, TimeRange range, String reason, String caseNumber, String user)
            throws InvalidCameraException {
        List<ConfigProblem> problems = new ArrayList<>();
        if (cameraId == null || cameraId.isBlank()) {
            problems.add(new ConfigProblem("cameraId", "is required"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            problems.add(new ConfigProblem("reason", "is required (at most 500 characters)"));
        }
        if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 100) {
            problems.add(new ConfigProblem("caseNumber", "is required (at most 100 characters)"));
        }
        if (range == null || !range.end().isAfter(range.start())) {
            problems.add(new ConfigProblem("to", "must be after 'from'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO legal_hold (camera_id, start_us, end_us, reason, case_number, created_by, created_us) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, cameraId);
            s.setLong(2, Micros.of(range.start()));
            s.setLong(3, Micros.of(range.end()));
            s.setString(4, reason.strip());
            s.setString(5, caseNumber.strip());
            s.setString(6, user == null ? "system" : user);
            s.setLong(7, Micros.of(Instant.now()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                LOG.info("Legal hold {} placed by {} on camera '{}' from {} to {} (case {})", id, user, cameraId,
                        range.start(), range.end(), caseNumber);
                audit.record(user == null ? AuditLog.SYSTEM : user, AuditActions.HOLD_ADD, cameraId, "", reason,
                        "hold " + id + " case " + caseNumber.strip() + " " + range.start() + "/" + range.end());
                return hold(id).orElseThrow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the legal-hold register cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public LegalHold release(long id, String user) throws InvalidCameraException {
        LegalHold hold = hold(id).orElseThrow(() -> new InvalidCameraException(List.of(new ConfigProblem("id",
                "no legal hold " + id))));
        if (!hold.active()) {
            throw new InvalidCameraException(List.of(new ConfigProblem("id", "hold " + id + " was released on "
                    + hold.releasedAt() + " by " + hold.releasedBy())));
        }
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE legal_hold SET released_us = ?, released_by = ? WHERE id = ? AND released_us IS NULL")) {
            s.setLong(1, Micros.of(Instant.now()));
            s.setString(2, user == null ? "system" : user);
            s.setLong(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the legal-hold register cannot be written: " + e.getMessage(), e);
        }
        LOG.info("Legal hold {} on camera '{}' released by {}", id, hold.cameraId(), user);
        audit.record(user == null ? AuditLog.SYSTEM : user, AuditActions.HOLD_RELEASE, hold.cameraId(), "", "",
                "hold " + id + " case " + hold.caseNumber());
        return hold(id).orElseThrow();
    }

    private List<LegalHold> query(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<LegalHold> holds = new ArrayList<>();
                while (r.next()) {
                    long released = r.getLong(9);
                    Instant releasedAt = r.wasNull() ? null : Micros.instant(released);
                    holds.add(new LegalHold(r.getLong(1), r.getString(2), new TimeRange(Micros.instant(r.getLong(3)),
                            Micros.instant(r.getLong(4))), r.getString(5), r.getString(6), r.getString(7),
                            Micros.instant(r.getLong(8)), releasedAt, r.getString(10)));
                }
                return holds;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the legal-hold register cannot be read: " + e.getMessage(), e);
        }
    }
}
