package nl.uitkijk.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.CameraShares;
import nl.uitkijk.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Camera sharing on Derby; every share and unshare is an audit entry. */
@Component(service = CameraShares.class)
public class CameraSharesImpl implements CameraShares {

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;

    @Activate
    public CameraSharesImpl(@Reference Database database, @Reference AuditLog auditLog) {
        this(database, auditLog, Clock.systemUTC());
    }

    CameraSharesImpl(Database database, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public boolean sharedWith(String cameraId, String party) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM camera_share WHERE camera_id = ? AND party = ?")) {
            select.setString(1, cameraId);
            select.setString(2, party);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the camera shares: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> camerasSharedWith(String party) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT camera_id FROM camera_share WHERE party = ?")) {
            select.setString(1, party);
            Set<String> cameras = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cameras.add(rows.getString(1));
                }
            }
            return Set.copyOf(cameras);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the camera shares: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean share(String cameraId, String party, String user) {
        if (sharedWith(cameraId, party)) {
            return false;
        }
        Instant now = clock.instant();
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO camera_share (camera_id, party, shared_by, shared_us) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, cameraId);
            insert.setString(2, party);
            insert.setString(3, user);
            insert.setLong(4, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot share: " + e.getMessage(), e);
        }
        auditLog.record(user, AuditActions.CAMERA_SHARE, cameraId, "REST", "", "shared with " + party);
        return true;
    }

    @Override
    public boolean unshare(String cameraId, String party, String user) {
        try (Connection connection = database.connection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM camera_share WHERE camera_id = ? AND party = ?")) {
            delete.setString(1, cameraId);
            delete.setString(2, party);
            if (delete.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot unshare: " + e.getMessage(), e);
        }
        auditLog.record(user, AuditActions.CAMERA_UNSHARE, cameraId, "REST", "", "no longer shared with " + party);
        return true;
    }
}
