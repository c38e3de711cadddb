package nl.uitkijk.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void createsTheSchemaOnceAndRecordsEveryMigration() throws Exception {
        Path path = folder.resolve("db");
        DerbyDatabase first = new DerbyDatabase(path);
        assertTrue(first.createdNow(), "a new database is created now");
        first.close();

        DerbyDatabase second = new DerbyDatabase(path);
        try {
            assertFalse(second.createdNow(), "reopening finds the schema in place");
            try (Connection c = second.connection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"schema_history\" "
                            + "ORDER BY \"installed_rank\"")) {
                List<String> versions = new ArrayList<>();
                while (r.next()) {
                    assertTrue(r.getBoolean(2), "migration " + r.getString(1) + " succeeded");
                    versions.add(r.getString(1));
                }
                assertEquals("1", versions.get(0));
            }
            try (Connection c = second.connection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM camera")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        } finally {
            second.close();
        }
    }
}
