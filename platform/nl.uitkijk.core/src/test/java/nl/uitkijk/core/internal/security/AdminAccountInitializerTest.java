package nl.uitkijk.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountInitializerTest {

    private static final String GROUPS = "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n";

    @TempDir
    Path folder;

    @Test
    void usesThePasswordFromTheEnvironment() throws Exception {
        Path users = folder.resolve("users.properties");
        Files.writeString(users, GROUPS);
        assertNull(AdminAccountInitializer.ensureAdmin(users, "Heerlen:2026", new SecureRandom()));
        assertTrue(Files.readString(users).endsWith("admin = Heerlen\\:2026,_g_:admingroup\n"));
    }

    @Test
    void generatesADifferentStrongPasswordWhenNoneIsGiven() throws Exception {
        Path first = folder.resolve("a.properties");
        Path second = folder.resolve("b.properties");
        String one = AdminAccountInitializer.ensureAdmin(first, null, new SecureRandom());
        String two = AdminAccountInitializer.ensureAdmin(second, "", new SecureRandom());
        assertNotNull(one);
        assertEquals(20, one.length());
        assertNotEquals(one, two);
        assertTrue(Files.readString(first).contains("admin = " + one + ","));
    }

    @Test
    void neverTouchesAnExistingAdmin() throws Exception {
        Path users = folder.resolve("users.properties");
        Files.writeString(users, GROUPS + "admin = {CRYPT}abc{CRYPT},_g_:admingroup\n");
        String before = Files.readString(users);
        assertNull(AdminAccountInitializer.ensureAdmin(users, "other", new SecureRandom()));
        assertEquals(before, Files.readString(users));
    }

    @Test
    void refusesAPasswordThatWouldBreakTheFile() {
        Path users = folder.resolve("users.properties");
        assertThrows(IOException.class, () -> AdminAccountInitializer.ensureAdmin(users, "a,b", new SecureRandom()));
        assertTrue(Files.notExists(users));
    }
}
