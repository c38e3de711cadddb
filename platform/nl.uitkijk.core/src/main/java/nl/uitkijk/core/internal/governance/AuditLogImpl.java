package nl.uitkijk.core.internal.governance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.uitkijk.api.governance.AuditEntry;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.AuditVerification;
import nl.uitkijk.core.internal.persistence.Database;
import nl.uitkijk.core.internal.persistence.Micros;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in the platform database. One writer at a time appends, with the sequence number and hash of the
 * newest entry kept in memory; verification re-reads everything and recomputes the chain.
 */
@Component(service = AuditLog.class, configurationPid = "nl.uitkijk.audit")
@Designate(ocd = AuditLogImpl.Configuration.class)
public class AuditLogImpl implements AuditLog {

    @ObjectClassDefinition(name = "Uitkijk audit log")
    public @interface Configuration {
        @AttributeDefinition(name = "Head anchor", description = "File outside the database that always holds the "
                + "newest entry's number and hash, so that entries cut off the end of the log (also across a "
                + "restart) or a rewritten chain are found; empty means ${karaf.data}/uitkijk/audit-head.")
        String anchorFile() default "";
    }

    /** The "previous hash" of the first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "seq, at_us, actor, action, subject, origin, reason, detail, prev_hash, hash";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogImpl.class);

    private final Database database;
    private final Path anchor;
    private long anchoredSequence;
    private String anchoredHash;
    private long lastSequence;
    private String lastHash = GENESIS;
    private long lastMicros;

    @Activate
    public AuditLogImpl(@Reference Database database, Configuration configuration) throws SQLException {
        this(database, configuration.anchorFile() == null || configuration.anchorFile().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "uitkijk", "audit-head")
                : Path.of(configuration.anchorFile()));
    }

    /** Without an anchor (unit tests of other parts). */
    public AuditLogImpl(Database database) throws SQLException {
        this(database, (Path) null);
    }

    AuditLogImpl(Database database, Path anchor) throws SQLException {
        this.database = database;
        this.anchor = anchor;
        readAnchor();
        try (Connection connection = database.connection();
                PreparedStatement s = connection.prepareStatement(
                        "SELECT seq, hash, at_us FROM audit_entry ORDER BY seq DESC FETCH FIRST ROW ONLY");
                ResultSet r = s.executeQuery()) {
            if (r.next()) {
                lastSequence = r.getLong(1);
                lastHash = r.getString(2);
                lastMicros = r.getLong(3);
            }
        }
    }

    @Override
    public synchronized AuditEntry record(String actor, String action, String subject, String origin, String reason,
            String detail) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
        long sequence = lastSequence + 1;
        // Strictly increasing times, so that the order by time is the order of the chain.
        long micros = Math.max(Micros.of(Instant.now()), lastMicros + 1);
        AuditEntry entry = new AuditEntry(sequence, Micros.instant(micros), clip(actor, 100), clip(action, 100),
                clip(subject, 200), clip(origin, 200), clip(reason, 1000), clip(detail, 2000), null);
        String hash = hash(lastHash, entry);
        try (Connection connection = database.connection();
                PreparedStatement s = connection.prepareStatement(
                        "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, sequence);
            s.setLong(2, micros);
            s.setString(3, entry.actor());
            s.setString(4, entry.action());
            s.setString(5, entry.subject());
            s.setString(6, entry.origin());
            s.setString(7, entry.reason());
            s.setString(8, entry.detail());
            s.setString(9, lastHash);
            s.setString(10, hash);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.error("Audit entry {} ({} by {}) could not be stored", sequence, action, actor, e);
            throw new IllegalStateException("the audit log cannot be written: " + e.getMessage(), e);
        }
        lastSequence = sequence;
        lastHash = hash;
        lastMicros = micros;
        writeAnchor(sequence, hash);
        return new AuditEntry(sequence, entry.at(), entry.actor(), entry.action(), entry.subject(), entry.origin(),
                entry.reason(), entry.detail(), hash);
    }

    @Override
    public List<AuditEntry> entries(Instant from, Instant to, String actor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (from != null) {
            sql.append(" AND at_us >= ?");
            parameters.add(Micros.of(from));
        }
        if (to != null) {
            sql.append(" AND at_us < ?");
            parameters.add(Micros.of(to));
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            parameters.add(actor);
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ").append(Math.max(1, Math.min(limit, 10_000))).append(" ROWS ONLY");
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement s = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(entry(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log cannot be read: " + e.getMessage(), e);
        }
        return entries;
    }

    @Override
    public AuditVerification verify() {
        long checked = 0;
        long expectedSequence = 1;
        String previous = GENESIS;
        try (Connection connection = database.connection();
                PreparedStatement s = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq")) {
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    AuditEntry entry = entry(r);
                    checked++;
                    if (entry.sequence() != expectedSequence) {
                        return broken(checked, entry.sequence(), "entries " + expectedSequence + " to "
                                + (entry.sequence() - 1) + " are missing");
                    }
                    if (!previous.equals(r.getString("prev_hash"))) {
                        return broken(checked, entry.sequence(), "it does not follow the entry before it");
                    }
                    if (!hash(previous, entry).equals(entry.hash())) {
                        return broken(checked, entry.sequence(), "its content was changed");
                    }
                    if (entry.sequence() == anchoredSequence && !entry.hash().equals(anchoredHash)) {
                        return broken(checked, entry.sequence(), "it differs from the head anchored outside the "
                                + "database (the chain was rewritten)");
                    }
                    previous = entry.hash();
                    expectedSequence++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log cannot be read: " + e.getMessage(), e);
        }
        synchronized (this) {
            long newest = Math.max(lastSequence, anchoredSequence);
            if (checked < newest) {
                return broken(checked, expectedSequence, "the newest entries, up to " + newest + ", are missing");
            }
        }
        return new AuditVerification(true, checked, null, "");
    }

    /** The anchor: "sequence hash" of the newest entry, replaced atomically after every append. */
    private void readAnchor() {
        if (anchor == null || !Files.isRegularFile(anchor)) {
            return;
        }
        try {
            String[] head = Files.readString(anchor, StandardCharsets.US_ASCII).trim().split(" ");
            anchoredSequence = Long.parseLong(head[0]);
            anchoredHash = head[1];
        } catch (IOException | RuntimeException e) {
            LOG.error("The audit head anchor {} is unreadable; entries cut off the end cannot be detected: {}",
                    anchor, e.toString());
        }
    }

    private void writeAnchor(long sequence, String hash) {
        if (anchor == null) {
            return;
        }
        try {
            Files.createDirectories(anchor.getParent());
            Path next = anchor.resolveSibling(anchor.getFileName() + ".next");
            Files.writeString(next, sequence + " " + hash + "\n", StandardCharsets.US_ASCII);
            Files.move(next, anchor, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            anchoredSequence = sequence;
            anchoredHash = hash;
        } catch (IOException e) {
            LOG.error("The audit head anchor {} cannot be written: {}", anchor, e.toString());
        }
    }

    private static AuditVerification broken(long checked, long sequence, String problem) {
        LOG.error("The audit log is broken at entry {}: {}", sequence, problem);
        return new AuditVerification(false, checked, sequence, "entry " + sequence + ": " + problem);
    }

    private static AuditEntry entry(ResultSet r) throws SQLException {
        return new AuditEntry(r.getLong("seq"), Micros.instant(r.getLong("at_us")), r.getString("actor"),
                r.getString("action"), r.getString("subject"), r.getString("origin"), r.getString("reason"),
                r.getString("detail"), r.getString("hash"));
    }

    /**
     * SHA-256 over the previous hash and the fields, each preceded by its length, so that no two different entries
     * encode the same (moving text from one field to the next changes the hash).
     */
    static String hash(String previous, AuditEntry entry) {
        StringBuilder canonical = new StringBuilder(previous);
        for (Object field : new Object[] { entry.sequence(), Micros.of(entry.at()), entry.actor(), entry.action(),
                entry.subject(), entry.origin(), entry.reason(), entry.detail() }) {
            String text = String.valueOf(field);
            canonical.append('|').append(text.length()).append(':').append(text);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
