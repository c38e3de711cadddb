package nl.uitkijk.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditEntry;
import nl.uitkijk.api.governance.AuditVerification;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain on real Derby, tampered with directly in the database as an intruder would. */
class AuditLogImplTest {

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AuditLogImpl audit;

    @BeforeEach
    void open() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        audit = new AuditLogImpl(database, folder.resolve("anchor/audit-head"));
        audit.record("anna", AuditActions.CAMERA_ADD, "markt", "127.0.0.1", "", "driver rtsp");
        audit.record("piet", AuditActions.EXPORT, "markt", "10.1.2.3", "verzoek politie 2026-123",
                "2026-11-28T22:00:00Z/2026-11-28T22:10:00Z");
        audit.record("system", AuditActions.RETENTION_DELETE, "markt", "", "older than 28 days", "1200 bytes");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anUntouchedLogVerifiesAndReadsNewestFirst() {
        AuditVerification verification = audit.verify();
        assertTrue(verification.valid(), verification.toString());
        assertEquals(3, verification.entries());
        assertNull(verification.firstBroken());
        List<AuditEntry> entries = audit.entries(null, null, null, 10);
        assertEquals(List.of(3L, 2L, 1L), entries.stream().map(AuditEntry::sequence).toList());
        assertEquals("verzoek politie 2026-123", entries.get(1).reason());
        assertEquals(1, audit.entries(null, null, "piet", 10).size());
        assertTrue(entries.get(0).at().isAfter(entries.get(1).at()));
    }

    @Test
    void aChainSurvivesARestart() throws Exception {
        AuditLogImpl again = new AuditLogImpl(database);
        again.record("anna", AuditActions.HOLD_ADD, "markt", "console", "zaak 42", "");
        assertTrue(again.verify().valid());
        assertEquals(4, again.verify().entries());
    }

    @Test
    void aChangedRowIsFoundAndNamed() throws Exception {
        sql("UPDATE audit_entry SET reason = 'nieuwsgierig' WHERE seq = 2");
        AuditVerification verification = audit.verify();
        assertFalse(verification.valid());
        assertEquals(2L, verification.firstBroken());
        assertTrue(verification.problem().contains("changed"), verification.problem());
    }

    @Test
    void aRowChangedWithItsHashRecomputedBreaksTheNextLink() throws Exception {
        AuditEntry second = audit.entries(null, null, "piet", 1).get(0);
        AuditEntry forged = new AuditEntry(2, second.at(), "piet", AuditActions.EXPORT, "markt", "10.1.2.3",
                "nieuwsgierig", second.detail(), null);
        String previous = audit.entries(null, null, "anna", 1).get(0).hash();
        sql("UPDATE audit_entry SET reason = 'nieuwsgierig', hash = '" + AuditLogImpl.hash(previous, forged)
                + "' WHERE seq = 2");
        AuditVerification verification = audit.verify();
        assertFalse(verification.valid());
        assertEquals(3L, verification.firstBroken(), "entry 3 no longer follows the forged entry 2");
    }

    @Test
    void aDeletedRowIsFound() throws Exception {
        sql("DELETE FROM audit_entry WHERE seq = 2");
        AuditVerification verification = audit.verify();
        assertFalse(verification.valid());
        assertEquals(3L, verification.firstBroken());
        assertTrue(verification.problem().contains("missing"), verification.problem());
        sql("DELETE FROM audit_entry WHERE seq = 3");
        assertFalse(audit.verify().valid(), "the running log knows its newest entry");
    }

    @Test
    void entriesCutOffTheEndAreFoundAfterARestartThroughTheAnchor() throws Exception {
        sql("DELETE FROM audit_entry WHERE seq = 3");
        AuditLogImpl restarted = new AuditLogImpl(database, folder.resolve("anchor/audit-head"));
        AuditVerification verification = restarted.verify();
        assertFalse(verification.valid(), "a restart does not hide the truncation");
        assertEquals(3L, verification.firstBroken());
        assertTrue(verification.problem().contains("up to 3, are missing"), verification.problem());
        assertTrue(new AuditLogImpl(database).verify().valid(), "without the anchor it could not be seen");
    }

    @Test
    void aChainRewrittenFromTheStartIsFoundThroughTheAnchor() throws Exception {
        sql("DELETE FROM audit_entry");
        AuditLogImpl forger = new AuditLogImpl(database);
        forger.record("anna", AuditActions.CAMERA_ADD, "markt", "127.0.0.1", "", "driver rtsp");
        forger.record("piet", AuditActions.CAMERA_ADD, "markt", "10.1.2.3", "", "");
        forger.record("system", AuditActions.RETENTION_DELETE, "markt", "", "", "");
        assertTrue(forger.verify().valid(), "a consistent forged chain");
        AuditVerification verification = new AuditLogImpl(database, folder.resolve("anchor/audit-head")).verify();
        assertFalse(verification.valid());
        assertEquals(3L, verification.firstBroken());
        assertTrue(verification.problem().contains("anchored"), verification.problem());
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.connection(); Statement s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
