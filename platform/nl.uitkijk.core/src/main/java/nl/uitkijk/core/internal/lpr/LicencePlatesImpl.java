package nl.uitkijk.core.internal.lpr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.lpr.LicencePlates;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plate register (Flyway V15): the hotlist, hits kept with the camera's footage retention (never beyond 28
 * days), no-hits kept only for the configured window (default 0: never stored). Expired hotlist entries, hits and
 * no-hits are deleted every minute.
 */
@Component(service = { LicencePlates.class, PlateObservations.class }, configurationPid = "nl.uitkijk.lpr")
@Designate(ocd = LicencePlatesImpl.Configuration.class)
public class LicencePlatesImpl implements LicencePlates, PlateObservations {

    @ObjectClassDefinition(name = "Uitkijk licence plates", description = "What is kept of plate reads.")
    public @interface Configuration {
        @AttributeDefinition(name = "Keep no-hits (seconds)", description = "A read that is not on the hotlist is "
                + "kept this long (at most 86400), then deleted; 0: not kept at all. The public page says so.")
        long noHitSeconds() default 0;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LicencePlatesImpl.class);
    private static final Set<String> PRIORITIES = Set.of("HIGH", "MEDIUM", "LOW");
    private static final Duration LONGEST = Duration.ofDays(28);
    static final long MAX_NO_HIT_SECONDS = 86_400;

    private final Database database;
    private final CameraRegistry cameras;
    private final RetentionService retention;
    private final long noHitSeconds;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    @Activate
    public LicencePlatesImpl(@Reference Database database, @Reference CameraRegistry cameras,
            @Reference RetentionService retention, Configuration configuration) {
        this(database, cameras, retention, configuration.noHitSeconds(), Clock.systemUTC());
        timer.scheduleWithFixedDelay(this::deleteExpired, 1, 60, TimeUnit.SECONDS);
    }

    public LicencePlatesImpl(Database database, CameraRegistry cameras, RetentionService retention, long noHitSeconds,
            Clock clock) {
        this.database = database;
        this.cameras = cameras;
        this.retention = retention;
        this.noHitSeconds = Math.max(0, Math.min(MAX_NO_HIT_SECONDS, noHitSeconds));
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-lpr-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** Letters and digits, upper case: how plates are compared and stored. */
    static String plain(String plate) {
        return plate == null ? "" : plate.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    @Override
    public long noHitSeconds() {
        return noHitSeconds;
    }

    // ---- hotlist

    @Override
    public List<HotlistEntry> hotlist() {
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT plate, reason, valid_until_us, priority, added_by, added_us FROM lpr_hotlist "
                        + "WHERE valid_until_us > ? ORDER BY plate")) {
            select.setLong(1, Micros.of(clock.instant()));
            List<HotlistEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new HotlistEntry(rows.getString(1), rows.getString(2),
                            Micros.instant(rows.getLong(3)), rows.getString(4), rows.getString(5),
                            Micros.instant(rows.getLong(6))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("The hotlist does not read: " + e.getMessage(), e);
        }
    }

    @Override
    public HotlistEntry addToHotlist(String plate, String reason, Instant validUntil, String priority, String user) {
        String plain = plain(plate);
        if (plain.length() < 2 || plain.length() > 12) {
            throw new IllegalArgumentException("plate: 2 to 12 letters and digits");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("reason: required, at most 500 characters (why it is looked for)");
        }
        if (validUntil == null || !validUntil.isAfter(clock.instant())) {
            throw new IllegalArgumentException("validUntil: required, in the future (ISO-8601)");
        }
        String level = priority == null ? "HIGH" : priority.toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(level)) {
            throw new IllegalArgumentException("priority: HIGH, MEDIUM or LOW");
        }
        HotlistEntry entry = new HotlistEntry(plain, reason.strip(), validUntil, level, user, clock.instant());
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lpr_hotlist WHERE plate = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO lpr_hotlist (plate, reason, "
                            + "valid_until_us, priority, added_by, added_us) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, plain);
                delete.executeUpdate();
                insert.setString(1, plain);
                insert.setString(2, entry.reason());
                insert.setLong(3, Micros.of(validUntil));
                insert.setString(4, level);
                insert.setString(5, user);
                insert.setLong(6, Micros.of(entry.addedAt()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The hotlist entry was not stored: " + e.getMessage(), e);
        }
        return entry;
    }

    @Override
    public boolean removeFromHotlist(String plate) {
        try (Connection connection = database.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM lpr_hotlist WHERE plate = ?")) {
            delete.setString(1, plain(plate));
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("The hotlist entry was not removed: " + e.getMessage(), e);
        }
    }

    // ---- passages

    @Override
    public Optional<Hit> observed(String cameraId, Detection passage, Instant at) {
        Map<String, String> a = passage.attributes();
        String plate = plain(a.get(PlateRead.TEXT));
        if (plate.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = database.connection()) {
            String reason = null;
            String priority = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT reason, priority FROM lpr_hotlist "
                    + "WHERE plate = ? AND valid_until_us > ?")) {
                select.setString(1, plate);
                select.setLong(2, Micros.of(at));
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        reason = rows.getString(1);
                        priority = rows.getString(2);
                    }
                }
            }
            if (reason == null && noHitSeconds == 0) {
                return Optional.empty(); // a no-hit is not kept at all
            }
            UUID id = UUID.randomUUID();
            String formatted = a.getOrDefault(PlateRead.FORMATTED, plate);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lpr_passage (id, camera_id, "
                    + "at_us, plate, formatted, sidecode, country, confidence, votes, hotlist_reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id.toString());
                insert.setString(2, cameraId);
                insert.setLong(3, Micros.of(at));
                insert.setString(4, plate);
                insert.setString(5, formatted.length() > 20 ? plate : formatted);
                setNullable(insert, 6, a.get(PlateRead.SIDECODE));
                setNullable(insert, 7, a.get(PlateRead.COUNTRY));
                insert.setDouble(8, passage.confidence());
                insert.setInt(9, votes(a.get(PlateRead.VOTES)));
                setNullable(insert, 10, reason);
                insert.executeUpdate();
            }
            return reason == null ? Optional.empty() : Optional.of(new Hit(id, plate, formatted, reason, priority));
        } catch (SQLException e) {
            LOG.error("A plate passage on {} was not checked against the hotlist: {}", cameraId, e.getMessage());
            return Optional.empty();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static int votes(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void alarmRaised(UUID passageId, UUID alarmId) {
        try (Connection connection = database.connection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE lpr_passage SET alarm_uid = ? WHERE id = ?")) {
            update.setString(1, alarmId.toString());
            update.setString(2, passageId.toString());
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("The alarm of plate passage {} was not noted: {}", passageId, e.getMessage());
        }
    }

    @Override
    public List<Passage> passages(String plate, Instant from, Instant to, Set<String> cameras, int limit) {
        String plain = plain(plate);
        StringBuilder sql = new StringBuilder("SELECT id, camera_id, at_us, plate, formatted, sidecode, country, "
                + "confidence, votes, hotlist_reason, alarm_uid FROM lpr_passage WHERE at_us >= ? AND at_us < ?");
        if (!plain.isEmpty()) {
            sql.append(" AND plate = ?");
        }
        sql.append(" ORDER BY at_us DESC");
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setLong(1, Micros.of(from));
            select.setLong(2, Micros.of(to));
            if (!plain.isEmpty()) {
                select.setString(3, plain);
            }
            List<Passage> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && found.size() < limit) {
                    String camera = rows.getString(2);
                    if (cameras != null && !cameras.contains(camera)) {
                        continue;
                    }
                    String alarm = rows.getString(11);
                    found.add(new Passage(UUID.fromString(rows.getString(1)), camera, Micros.instant(rows.getLong(3)),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getDouble(8), rows.getInt(9), rows.getString(10),
                            alarm == null ? null : UUID.fromString(alarm)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Plate passages do not read: " + e.getMessage(), e);
        }
    }

    /** Deletes expired hotlist entries, no-hits past their window and hits past their camera's retention. */
    public void deleteExpired() {
        Instant now = clock.instant();
        try (Connection connection = database.connection()) {
            int entries;
            int noHits;
            int hits = 0;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM lpr_hotlist WHERE valid_until_us <= ?")) {
                delete.setLong(1, Micros.of(now));
                entries = delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM lpr_passage WHERE hotlist_reason IS NULL AND at_us < ?")) {
                delete.setLong(1, Micros.of(now.minusSeconds(noHitSeconds)));
                noHits = delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM lpr_passage WHERE camera_id = ? AND at_us < ?")) {
                for (Camera camera : cameras.cameras()) {
                    Duration age = retention.maximumAge(camera.id());
                    delete.setString(1, camera.id());
                    delete.setLong(2, Micros.of(now.minus(age.compareTo(LONGEST) > 0 ? LONGEST : age)));
                    hits += delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lpr_passage WHERE at_us < ?")) {
                delete.setLong(1, Micros.of(now.minus(LONGEST)));
                hits += delete.executeUpdate();
            }
            if (entries + noHits + hits > 0) {
                LOG.info("Licence plates: {} hotlist entries expired, {} no-hits and {} hits deleted", entries,
                        noHits, hits);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Expired plate data not deleted yet: {}", e.getMessage());
        }
    }
}
