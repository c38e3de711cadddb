package nl.uitkijk.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.event.EventTopics;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deployments of mobile cameras in the platform database, checked against their designation; audited. */
@Component(service = Deployments.class)
public class DeploymentsImpl implements Deployments {

    private static final String COLUMNS = "id, camera_id, designation_id, name, lat, lon, direction, address, "
            + "valid_from_us, valid_until_us";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentsImpl.class);

    private final Database database;
    private final AuditLog audit;
    private final Designations designations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    @Activate
    public DeploymentsImpl(@Reference Database database, @Reference AuditLog audit,
            @Reference Designations designations) {
        this.database = database;
        this.audit = audit;
        this.designations = designations;
    }

    @Override
    public List<Deployment> all() {
        return query("SELECT " + COLUMNS + " FROM deployment ORDER BY valid_from_us, id");
    }

    @Override
    public Optional<Deployment> deployment(String id) {
        return query("SELECT " + COLUMNS + " FROM deployment WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<Deployment> ofCamera(String cameraId) {
        return query("SELECT " + COLUMNS + " FROM deployment WHERE camera_id = ? ORDER BY valid_from_us, id",
                cameraId);
    }

    @Override
    public Optional<Deployment> active(String cameraId, Instant at) {
        long micros = Micros.of(at);
        return query("SELECT " + COLUMNS + " FROM deployment WHERE camera_id = ? AND valid_from_us <= ? "
                + "AND valid_until_us > ? ORDER BY valid_from_us", cameraId, micros, micros).stream().findFirst();
    }

    @Override
    public synchronized Deployment add(Deployment d, String user, String origin) throws InvalidCameraException {
        List<ConfigProblem> problems = problems(d);
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
        String id = freeId(DesignationsImpl.slug(d.cameraId() + " " + d.name()));
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement("INSERT INTO deployment "
                + "(" + COLUMNS + ", created_by, created_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Location at = d.location();
            s.setString(1, id);
            s.setString(2, d.cameraId());
            s.setString(3, d.designationId());
            s.setString(4, d.name().strip());
            s.setDouble(5, at.lat());
            s.setDouble(6, at.lon());
            if (at.direction() == null) {
                s.setNull(7, Types.DOUBLE);
            } else {
                s.setDouble(7, at.direction());
            }
            s.setString(8, at.address());
            s.setLong(9, Micros.of(d.from()));
            s.setLong(10, Micros.of(d.until()));
            s.setString(11, actor(user));
            s.setLong(12, Micros.of(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the deployments cannot be written: " + e.getMessage(), e);
        }
        LOG.info("Mobile camera '{}' deployed as '{}' {}/{} by {}", d.cameraId(), id, d.from(), d.until(), user);
        audit.record(actor(user), AuditActions.DEPLOYMENT_ADD, d.cameraId(), origin, "", "deployment=" + id
                + " designation=" + d.designationId() + " at=" + at(d.location()) + " " + d.from() + "/" + d.until());
        changed(d.cameraId());
        return deployment(id).orElseThrow();
    }

    @Override
    public synchronized boolean cancel(String id, String user, String origin) {
        Optional<Deployment> existing = deployment(id);
        if (existing.isEmpty()) {
            return false;
        }
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM deployment WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the deployments cannot be written: " + e.getMessage(), e);
        }
        LOG.info("Deployment '{}' of camera '{}' cancelled by {}", id, existing.get().cameraId(), user);
        audit.record(actor(user), AuditActions.DEPLOYMENT_CANCEL, existing.get().cameraId(), origin, "",
                "deployment=" + id);
        changed(existing.get().cameraId());
        return true;
    }

    private List<ConfigProblem> problems(Deployment d) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (d.cameraId() == null || d.cameraId().isBlank()) {
            problems.add(new ConfigProblem("cameraId", "is required"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > DesignationValidator.MAX_TEXT) {
            problems.add(new ConfigProblem("name", "is required (at most " + DesignationValidator.MAX_TEXT
                    + " characters): the event or hot spot"));
        }
        Location at = d.location();
        if (at == null || !(at.lat() >= -90 && at.lat() <= 90 && at.lon() >= -180 && at.lon() <= 180)) {
            problems.add(new ConfigProblem("location", "is required: lat -90..90, lon -180..180"));
        }
        if (d.from() == null || d.until() == null) {
            problems.add(new ConfigProblem(d.from() == null ? "from" : "until", "is required (ISO-8601)"));
        } else if (!d.until().isAfter(d.from())) {
            problems.add(new ConfigProblem("until", "must be after from"));
        }
        Optional<Designation> designation = d.designationId() == null ? Optional.empty()
                : designations.designation(d.designationId());
        if (designation.isEmpty()) {
            problems.add(new ConfigProblem("designationId", d.designationId() == null ? "is required"
                    : "no designation '" + d.designationId() + "'"));
        } else if (problems.isEmpty()) {
            Designation covering = designation.get();
            if (!Areas.contains(covering, at)) {
                problems.add(new ConfigProblem("location", "(" + at(at) + ") lies outside the area of designation '"
                        + covering.name() + "'"));
            }
            if (d.from().isBefore(covering.validFrom()) || d.until().isAfter(covering.validUntil())) {
                problems.add(new ConfigProblem(d.from().isBefore(covering.validFrom()) ? "from" : "until",
                        "the deployment must lie within designation '" + covering.name() + "' ("
                                + covering.validFrom() + "/" + covering.validUntil() + ")"));
            }
        }
        if (problems.isEmpty()) {
            ofCamera(d.cameraId()).stream().filter(other -> other.from().isBefore(d.until())
                    && d.from().isBefore(other.until())).findFirst().ifPresent(other -> problems.add(
                            new ConfigProblem("from", "overlaps deployment '" + other.id() + "' (" + other.from()
                                    + "/" + other.until() + ") of the same camera")));
        }
        return problems;
    }

    private List<Deployment> query(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<Deployment> found = new ArrayList<>();
                while (r.next()) {
                    double direction = r.getDouble("direction");
                    Double directionOrNull = r.wasNull() ? null : direction;
                    found.add(new Deployment(r.getString("id"), r.getString("camera_id"),
                            r.getString("designation_id"), r.getString("name"), new Location(r.getDouble("lat"),
                                    r.getDouble("lon"), directionOrNull, r.getString("address")),
                            Micros.instant(r.getLong("valid_from_us")), Micros.instant(r.getLong("valid_until_us"))));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the deployments cannot be read: " + e.getMessage(), e);
        }
    }

    private String freeId(String base) {
        String id = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        String candidate = id;
        for (int n = 2; deployment(candidate).isPresent(); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private void changed(String cameraId) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(EventTopics.DEPLOYMENT_CHANGED, Map.of(EventTopics.CAMERA_ID, cameraId)));
        }
    }

    private static String at(Location location) {
        return location.lat() + ", " + location.lon();
    }

    private static String actor(String user) {
        return user == null || user.isBlank() ? AuditLog.SYSTEM : user;
    }
}
