package nl.uitkijk.core.internal.camera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.security.SecretBox;

/**
 * Reads and writes camera definitions; the driver configuration is kept as a JSON object whose secrets (passwords)
 * are sealed with the installation's {@link SecretBox}, never stored in clear.
 */
public class CameraRepository {

    /** Whether a configuration value of a driver is a secret: {@code (driver, parameter name)}. */
    public interface Secrets {
        boolean secret(String driver, String parameter);
    }

    private static final String COLUMNS = "id, name, driver, config, lat, lon, direction, address, site, designation_id";
    private static final TypeReference<Map<String, Object>> CONFIG_TYPE = new TypeReference<>() {
    };

    private final Database database;
    private final SecretBox box;
    private final Secrets secrets;
    private final ObjectMapper json = new ObjectMapper();

    public CameraRepository(Database database, SecretBox box, Secrets secrets) {
        this.database = database;
        this.box = box;
        this.secrets = secrets;
    }

    /** Whether a stored camera holds a secret in clear text (from before encryption): store it again to seal it. */
    public boolean holdsClearSecrets(String id) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT driver, config FROM camera WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                String driver = r.getString("driver");
                return fromJson(r.getString("config")).entrySet().stream().anyMatch(entry -> entry.getValue()
                        instanceof String value && !value.isEmpty() && !SecretBox.sealed(value)
                        && secrets.secret(driver, entry.getKey()));
            }
        }
    }

    public List<CameraDefinition> findAll() throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM camera ORDER BY id");
                ResultSet r = s.executeQuery()) {
            List<CameraDefinition> all = new ArrayList<>();
            while (r.next()) {
                all.add(read(r));
            }
            return all;
        }
    }

    public Optional<CameraDefinition> find(String id) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM camera WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** Inserts; answers {@code false} without writing when the id exists. */
    public boolean insert(CameraDefinition camera) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("INSERT INTO camera (" + COLUMNS
                        + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, camera);
            s.setTimestamp(11, now);
            s.setTimestamp(12, now);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Updates; answers {@code false} when there is no such camera. */
    public boolean update(CameraDefinition camera) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("UPDATE camera SET id = ?, name = ?, driver = ?, config = ?, "
                        + "lat = ?, lon = ?, direction = ?, address = ?, site = ?, designation_id = ?, updated_at = ? "
                        + "WHERE id = ?")) {
            bind(s, camera);
            s.setTimestamp(11, Timestamp.from(Instant.now()));
            s.setString(12, camera.id());
            return s.executeUpdate() == 1;
        }
    }

    public boolean delete(String id) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM camera WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    private void bind(PreparedStatement s, CameraDefinition camera) throws SQLException {
        s.setString(1, camera.id());
        s.setString(2, camera.name());
        s.setString(3, camera.driver());
        s.setString(4, toJson(sealed(camera.driver(), camera.config())));
        Location location = camera.location();
        s.setDouble(5, location.lat());
        s.setDouble(6, location.lon());
        if (location.direction() == null) {
            s.setNull(7, Types.DOUBLE);
        } else {
            s.setDouble(7, location.direction());
        }
        s.setString(8, location.address());
        s.setString(9, camera.site());
        s.setString(10, camera.designationId());
    }

    private CameraDefinition read(ResultSet r) throws SQLException {
        double direction = r.getDouble("direction");
        Double directionOrNull = r.wasNull() ? null : direction;
        Location location = new Location(r.getDouble("lat"), r.getDouble("lon"), directionOrNull, r.getString("address"));
        return new CameraDefinition(r.getString("id"), r.getString("name"), r.getString("driver"),
                opened(fromJson(r.getString("config"))), location, r.getString("site"), r.getString("designation_id"));
    }

    private Map<String, Object> sealed(String driver, Map<String, Object> config) {
        Map<String, Object> sealed = new java.util.LinkedHashMap<>(config);
        sealed.replaceAll((key, value) -> value instanceof String text && !text.isEmpty()
                && secrets.secret(driver, key) ? box.seal(text) : value);
        return sealed;
    }

    private Map<String, Object> opened(Map<String, Object> config) throws SQLException {
        Map<String, Object> opened = new java.util.LinkedHashMap<>(config);
        try {
            opened.replaceAll((key, value) -> value instanceof String text ? box.open(text) : value);
        } catch (IllegalStateException e) {
            throw new SQLException(e.getMessage(), e);
        }
        return opened;
    }

    private String toJson(Map<String, Object> config) throws SQLException {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new SQLException("camera config cannot be stored as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, CONFIG_TYPE);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored camera config is not valid JSON", e);
        }
    }
}
