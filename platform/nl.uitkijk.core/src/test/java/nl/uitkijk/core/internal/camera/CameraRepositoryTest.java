package nl.uitkijk.core.internal.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import nl.uitkijk.core.internal.security.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraRepositoryTest {

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private CameraRepository repository;

    @BeforeEach
    void open() {
        database = new DerbyDatabase(folder.resolve("db"));
        repository = new CameraRepository(database, box(), (driver, parameter) -> parameter.equals("password"));
    }

    private SecretBox box() {
        try {
            return SecretBox.atPath(folder.resolve("secrets.key"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String storedConfig(String id) throws Exception {
        try (var connection = database.connection();
                var select = connection.prepareStatement("SELECT config FROM camera WHERE id = ?")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void passwordsAreEncryptedInTheDatabaseUnderAKeyOutsideIt() throws Exception {
        CameraDefinition camera = new CameraDefinition("c1", "C1", "rtsp", Map.of("url", "rtsp://127.0.0.1/a",
                "password", "Markt-geheim-1"), new Location(50.9, 5.98, null, null), null, null);
        repository.insert(camera);
        String stored = storedConfig("c1");
        assertFalse(stored.contains("Markt-geheim-1"), stored);
        assertTrue(stored.contains(SecretBox.PREFIX) && stored.contains("rtsp://127.0.0.1/a"), stored);
        assertEquals(camera, repository.find("c1").orElseThrow(), "read back in clear");
        assertFalse(repository.holdsClearSecrets("c1"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(folder.resolve("secrets.key"))));

        SecretBox otherInstallation = SecretBox.atPath(folder.resolve("other.key"));
        java.sql.SQLException wrongKey = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> new CameraRepository(database, otherInstallation, (d, p) -> false).find("c1"));
        assertTrue(wrongKey.getMessage().contains("cannot be decrypted"), wrongKey.getMessage());
    }

    @Test
    void aPasswordStoredInClearBeforeEncryptionIsFoundToBeSealedAgain() throws Exception {
        try (var connection = database.connection(); var insert = connection.prepareStatement(
                "INSERT INTO camera (id, name, driver, config, lat, lon, created_at, updated_at) VALUES "
                        + "('old', 'Old', 'rtsp', '{\"password\":\"oud-geheim-123\"}', 50.9, 5.98, "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.executeUpdate();
        }
        assertTrue(repository.holdsClearSecrets("old"));
        CameraDefinition old = repository.find("old").orElseThrow();
        assertEquals("oud-geheim-123", old.config().get("password"));
        repository.update(old);
        assertFalse(repository.holdsClearSecrets("old"));
        assertFalse(storedConfig("old").contains("oud-geheim-123"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storesEveryFieldAndTheConfigAsJson() throws Exception {
        CameraDefinition camera = new CameraDefinition("pancratiusplein-1", "Pancratiusplein noord", "rtsp",
                Map.of("url", "rtsp://127.0.0.1:8554/cam", "port", 8554, "tcp", true),
                new Location(50.8882, 5.9795, 135.0, "Pancratiusplein, Heerlen"), "centrum", "heerlen-2026-01");
        assertTrue(repository.insert(camera));

        CameraDefinition read = repository.find("pancratiusplein-1").orElseThrow();
        assertEquals(camera, read);
    }

    @Test
    void keepsAnAbsentDirectionAbsent() throws Exception {
        CameraDefinition camera = new CameraDefinition("c1", "C1", "demo", Map.of(),
                new Location(50.9, 5.98, null, null), null, null);
        repository.insert(camera);
        assertEquals(null, repository.find("c1").orElseThrow().location().direction());
    }

    @Test
    void refusesADuplicateIdWithoutWriting() throws Exception {
        CameraDefinition camera = new CameraDefinition("c1", "first", "demo", Map.of(),
                new Location(50.9, 5.98, null, null), null, null);
        assertTrue(repository.insert(camera));
        assertFalse(repository.insert(new CameraDefinition("c1", "second", "demo", Map.of(),
                new Location(1, 1, null, null), null, null)));
        assertEquals("first", repository.find("c1").orElseThrow().name());
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void updatesAndDeletes() throws Exception {
        CameraDefinition camera = new CameraDefinition("c1", "first", "demo", Map.of("a", "b"),
                new Location(50.9, 5.98, null, null), null, null);
        repository.insert(camera);
        assertTrue(repository.update(new CameraDefinition("c1", "renamed", "demo", Map.of("a", "c"),
                new Location(50.9, 5.98, 10.0, null), "hoensbroek", null)));
        CameraDefinition read = repository.find("c1").orElseThrow();
        assertEquals("renamed", read.name());
        assertEquals("c", read.config().get("a"));
        assertEquals("hoensbroek", read.site());
        assertFalse(repository.update(camera.withId("absent")));
        assertTrue(repository.delete("c1"));
        assertFalse(repository.delete("c1"));
        assertTrue(repository.findAll().isEmpty());
    }

    @Test
    void survivesAReopen() throws Exception {
        repository.insert(new CameraDefinition("c1", "C1", "demo", Map.of(), new Location(50.9, 5.98, null, null),
                null, null));
        database.close();
        database = new DerbyDatabase(folder.resolve("db"));
        assertEquals("C1", new CameraRepository(database, box(), (driver, parameter) -> false).find("c1")
                .orElseThrow().name());
    }
}
