package nl.uitkijk.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountInitializerTest {

    private static final String GROUPS = "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n";

    @TempDir
    Path folder;

    private Path users() {
        return folder.resolve("users.properties");
    }

    @Test
    void usesThePasswordFromTheEnvironment() throws Exception {
        Files.writeString(users(), GROUPS);
        AdminAccountInitializer.Created created = AdminAccountInitializer.ensureAdmin(folder, "Heerlen:2026-markt",
                new SecureRandom());
        assertEquals(new AdminAccountInitializer.Created("Heerlen:2026-markt", false), created);
        assertTrue(Files.readString(users()).endsWith("admin = Heerlen\\:2026-markt,_g_:admingroup\n"));
    }

    @Test
    void generatesADifferentStrongPasswordWhenNoneIsGiven() throws Exception {
        Path other = Files.createDirectory(folder.resolve("other"));
        String one = AdminAccountInitializer.ensureAdmin(folder, null, new SecureRandom()).password();
        String two = AdminAccountInitializer.ensureAdmin(other, "", new SecureRandom()).password();
        assertEquals(20, one.length());
        assertNotEquals(one, two);
        assertTrue(Files.readString(users()).contains("admin = " + one + ","));
    }

    @Test
    void createsTheAdminOnTheVeryFirstStartOnlyNeverAfterItWasRemoved() throws Exception {
        Files.writeString(users(), GROUPS);
        assertNotNull(AdminAccountInitializer.ensureAdmin(folder, "Heerlen-2026-markt", new SecureRandom()));
        Files.writeString(users(), GROUPS + "beheer = {CRYPT}abc{CRYPT},_g_:admingroup\n"); // admin renamed
        assertNull(AdminAccountInitializer.ensureAdmin(folder, "Heerlen-2026-markt", new SecureRandom()));
        assertFalse(Files.readString(users()).contains("admin ="), "not created again");
    }

    @Test
    void neverTouchesAnExistingAdmin() throws Exception {
        Files.writeString(users(), GROUPS + "admin = {CRYPT}abc{CRYPT},_g_:admingroup\n");
        String before = Files.readString(users());
        assertNull(AdminAccountInitializer.ensureAdmin(folder, "other-password-1", new SecureRandom()));
        assertEquals(before, Files.readString(users()));
        assertTrue(Files.exists(folder.resolve(AdminAccountInitializer.MARKER)), "and records that it is set up");
    }

    @Test
    void refusesAShortPasswordOrOneThatWouldBreakTheFile() {
        assertThrows(IllegalArgumentException.class,
                () -> AdminAccountInitializer.ensureAdmin(folder, "a,b-long-enough", new SecureRandom()));
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> AdminAccountInitializer.ensureAdmin(folder, "kort", new SecureRandom()));
        assertTrue(shortOne.getMessage().contains("at least 12"), shortOne.getMessage());
        assertTrue(Files.notExists(users()));
        assertTrue(Files.notExists(folder.resolve(AdminAccountInitializer.MARKER)), "a later start may still do it");
    }
}
