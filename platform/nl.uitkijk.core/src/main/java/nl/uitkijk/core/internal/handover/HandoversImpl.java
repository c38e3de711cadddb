package nl.uitkijk.core.internal.handover;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.Handover;
import nl.uitkijk.api.governance.Handovers;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import nl.uitkijk.core.internal.security.SecretBox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Hand-overs on Derby. A link is {@code <publicUrl>/console/share.html#<secret>}: 32 random bytes, in the fragment
 * so that it is never in a server's or proxy's request log; the database keeps its SHA-256 to find it and a sealed
 * copy (AES-GCM under {@code etc/uitkijk-secrets.key}) to put the same link in a redelivered alarm.
 */
@Component(service = Handovers.class, configurationPid = "nl.uitkijk.handover")
@Designate(ocd = HandoversImpl.Configuration.class)
public class HandoversImpl implements Handovers {

    @ObjectClassDefinition(name = "Uitkijk live hand-over", description = "Live links for control rooms.")
    public @interface Configuration {
        @AttributeDefinition(name = "Public URL", description = "How control rooms reach this server over HTTPS "
                + "(scheme, host and port).")
        String publicUrl() default "https://localhost:8443";

        @AttributeDefinition(name = "Maximum (minutes)", description = "The longest a hand-over may last.")
        int maximumMinutes() default 240;

        @AttributeDefinition(name = "Secrets key file", required = false)
        String secretsKeyFile() default "";
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, camera_ids, party, reason, created_by, created_us, until_us, "
            + "revoked_by, revoked_us, alarm_uid";

    private final Database database;
    private final CameraRegistry cameras;
    private final LegalBasis legalBasis;
    private final SecretBox secrets;
    private final URI publicUrl;
    private final Duration maximum;
    private final Clock clock;

    @Activate
    public HandoversImpl(@Reference Database database, @Reference CameraRegistry cameras,
            @Reference LegalBasis legalBasis, Configuration configuration) throws IOException {
        this(database, cameras, legalBasis, SecretBox.atPath(configuration.secretsKeyFile().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "uitkijk-secrets.key")
                : Path.of(configuration.secretsKeyFile())), URI.create(configuration.publicUrl()),
                Duration.ofMinutes(Math.max(1, configuration.maximumMinutes())), Clock.systemUTC());
    }

    HandoversImpl(Database database, CameraRegistry cameras, LegalBasis legalBasis, SecretBox secrets, URI publicUrl,
            Duration maximum, Clock clock) {
        this.database = database;
        this.cameras = cameras;
        this.legalBasis = legalBasis;
        this.secrets = secrets;
        this.publicUrl = publicUrl;
        this.maximum = maximum;
        this.clock = clock;
    }

    @Override
    public Duration maximum() {
        return maximum;
    }

    @Override
    public Issued create(Set<String> cameraIds, String party, String reason, Duration duration, String user,
            UUID alarmId) {
        if (cameraIds == null || cameraIds.isEmpty() || cameraIds.size() > 16) {
            throw new IllegalArgumentException("cameraIds: 1 to 16 cameras");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("reason: required, at most 500 characters (the incident)");
        }
        if (party == null || !party.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("connectorId: the control room (a connector instance id)");
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("minutes: 1 to " + maximum.toMinutes());
        }
        Instant now = clock.instant();
        for (String cameraId : cameraIds) {
            Camera camera = cameras.camera(cameraId).orElseThrow(() -> new IllegalArgumentException("cameraIds: no "
                    + "camera '" + cameraId + "'"));
            LegalStatus live = legalBasis.liveView(camera.definition(), now);
            if (!live.permitted()) {
                throw new IllegalArgumentException("cameraIds: '" + cameraId + "' may not be watched live now: "
                        + live.reason());
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Handover handover = new Handover(UUID.randomUUID(), new LinkedHashSet<>(cameraIds), party, reason.strip(),
                user, micros(now), micros(now.plus(duration)), null, null, alarmId);
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO handover (id, token_hash, token, "
                        + "camera_ids, party, reason, created_by, created_us, until_us, alarm_uid) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, handover.id().toString());
            insert.setString(2, hash(token));
            insert.setString(3, secrets.seal(token));
            insert.setString(4, String.join(",", handover.cameraIds()));
            insert.setString(5, party);
            insert.setString(6, handover.reason());
            insert.setString(7, user);
            insert.setLong(8, Micros.of(handover.created()));
            insert.setLong(9, Micros.of(handover.until()));
            insert.setString(10, alarmId == null ? null : alarmId.toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the hand-over was not stored: " + e.getMessage(), e);
        }
        return new Issued(handover, link(token));
    }

    private URI link(String token) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/console/share.html#" + token);
    }

    @Override
    public Optional<Handover> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return one("token_hash", hash(token));
    }

    @Override
    public Optional<Handover> handover(UUID id) {
        return one("id", id.toString());
    }

    @Override
    public Optional<Handover> forAlarm(UUID alarmId) {
        return one("alarm_uid", alarmId.toString());
    }

    @Override
    public Optional<URI> link(UUID id) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT token FROM handover WHERE id = ?")) {
            select.setString(1, id.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(link(secrets.open(rows.getString(1)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hand-overs: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Handover> list(boolean activeOnly, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM handover" + (activeOnly ? " WHERE revoked_us IS NULL AND until_us > ?"
                : "") + " ORDER BY created_us DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY";
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (activeOnly) {
                select.setLong(1, Micros.of(clock.instant()));
            }
            List<Handover> handovers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    handovers.add(handover(rows));
                }
            }
            return handovers;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hand-overs: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean revoke(UUID id, String user) {
        try (Connection connection = database.connection();
                PreparedStatement update = connection.prepareStatement("UPDATE handover SET revoked_by = ?, "
                        + "revoked_us = ? WHERE id = ? AND revoked_us IS NULL AND until_us > ?")) {
            long now = Micros.of(clock.instant());
            update.setString(1, user);
            update.setLong(2, now);
            update.setString(3, id.toString());
            update.setLong(4, now);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke the hand-over: " + e.getMessage(), e);
        }
    }

    private Optional<Handover> one(String column, String value) {
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM handover WHERE "
                        + column + " = ? ORDER BY created_us DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(handover(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the hand-overs: " + e.getMessage(), e);
        }
    }

    private static Handover handover(ResultSet row) throws SQLException {
        long revoked = row.getLong("revoked_us");
        boolean wasRevoked = !row.wasNull();
        String alarm = row.getString("alarm_uid");
        return new Handover(UUID.fromString(row.getString("id")), new LinkedHashSet<>(Arrays.asList(row.getString(
                "camera_ids").split(","))), row.getString("party"), row.getString("reason"), row.getString(
                        "created_by"), Micros.instant(row.getLong("created_us")), Micros.instant(row.getLong("until_us")),
                row.getString("revoked_by"), wasRevoked ? Micros.instant(revoked) : null, alarm == null ? null
                        : UUID.fromString(alarm));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

}
