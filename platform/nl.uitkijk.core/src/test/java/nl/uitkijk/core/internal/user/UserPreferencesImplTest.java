package nl.uitkijk.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPreferencesImplTest {

    @TempDir
    Path folder;

    @Test
    void aPreferenceIsPerUserReplacedInPlaceAndSurvivesARestart() throws Exception {
        DerbyDatabase database = new DerbyDatabase(folder.resolve("db"));
        UserPreferencesImpl preferences = new UserPreferencesImpl(database);
        preferences.put("anna", "wall", "{\"size\":4}");
        preferences.put("anna", "wall", "{\"size\":9}");
        preferences.put("bram", "wall", "{\"size\":1}");
        database.close();

        DerbyDatabase reopened = new DerbyDatabase(folder.resolve("db"));
        try {
            UserPreferencesImpl again = new UserPreferencesImpl(reopened);
            assertEquals(Optional.of("{\"size\":9}"), again.get("anna", "wall"));
            assertEquals(Optional.of("{\"size\":1}"), again.get("bram", "wall"));
            assertEquals(Optional.empty(), again.get("carla", "wall"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void badNamesAndOversizedValuesAreRefused() throws Exception {
        DerbyDatabase database = new DerbyDatabase(folder.resolve("db"));
        try {
            UserPreferencesImpl preferences = new UserPreferencesImpl(database);
            assertThrows(IllegalArgumentException.class, () -> preferences.put("anna", "../wall", "{}"));
            assertThrows(IllegalArgumentException.class, () -> preferences.put("anna", "", "{}"));
            assertThrows(IllegalArgumentException.class, () -> preferences.put("", "wall", "{}"));
            assertThrows(IllegalArgumentException.class, () -> preferences.put("anna", "wall", "x".repeat(4001)));
            preferences.put("anna", "wall", "x".repeat(4000));
            assertEquals(4000, preferences.get("anna", "wall").orElseThrow().length());
        } finally {
            database.close();
        }
    }
}
