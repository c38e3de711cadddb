package nl.uitkijk.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.recording.RecordingPolicies;
import nl.uitkijk.api.recording.RecordingPolicy;
import nl.uitkijk.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recording policies in the platform database. */
@Component(service = RecordingPolicies.class)
public class RecordingPoliciesImpl implements RecordingPolicies {

    static final Duration MAX_PRE_EVENT = Duration.ofSeconds(60);
    static final Duration MAX_POST_EVENT = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(RecordingPoliciesImpl.class);

    private final Database database;
    /** Recorders ask every few seconds for every camera: answer from memory; writes go through to the database. */
    private final Map<String, RecordingPolicy> cache = new ConcurrentHashMap<>();

    @Activate
    public RecordingPoliciesImpl(@Reference Database database) {
        this.database = database;
    }

    @Override
    public RecordingPolicy policy(String cameraId) {
        RecordingPolicy cached = cache.get(cameraId);
        if (cached != null) {
            return cached;
        }
        RecordingPolicy stored = read(cameraId);
        if (stored == null) {
            return RecordingPolicy.DEFAULT; // not cached: read again next time
        }
        cache.put(cameraId, stored);
        return stored;
    }

    private RecordingPolicy read(String cameraId) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT mode, pre_event_millis, post_event_millis FROM recording_policy WHERE camera_id = ?")) {
            s.setString(1, cameraId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return new RecordingPolicy(RecordingPolicy.Mode.valueOf(r.getString(1)),
                            Duration.ofMillis(r.getLong(2)), Duration.ofMillis(r.getLong(3)));
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            // Recording must not stop because a policy cannot be read: record everything.
            LOG.warn("Recording policy of camera '{}' cannot be read; recording continuously: {}", cameraId,
                    e.getMessage());
            return null;
        }
        return RecordingPolicy.DEFAULT;
    }

    @Override
    public void set(String cameraId, RecordingPolicy policy) throws InvalidCameraException {
        List<ConfigProblem> problems = new ArrayList<>();
        if (policy.preEvent().isNegative() || policy.preEvent().compareTo(MAX_PRE_EVENT) > 0) {
            problems.add(new ConfigProblem("preEventSeconds", "must be from 0 to " + MAX_PRE_EVENT.toSeconds()));
        }
        if (policy.postEvent().isNegative() || policy.postEvent().compareTo(MAX_POST_EVENT) > 0) {
            problems.add(new ConfigProblem("postEventSeconds", "must be from 0 to " + MAX_POST_EVENT.toSeconds()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
        try (Connection c = database.connection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM recording_policy WHERE camera_id = ?")) {
                s.setString(1, cameraId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recording_policy (camera_id, mode, "
                    + "pre_event_millis, post_event_millis) VALUES (?, ?, ?, ?)")) {
                s.setString(1, cameraId);
                s.setString(2, policy.mode().name());
                s.setLong(3, policy.preEvent().toMillis());
                s.setLong(4, policy.postEvent().toMillis());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            cache.remove(cameraId);
            throw new IllegalStateException("the recording policy cannot be written: " + e.getMessage(), e);
        }
        cache.put(cameraId, policy);
        LOG.info("Recording policy of camera '{}': {}", cameraId, policy);
    }
}
