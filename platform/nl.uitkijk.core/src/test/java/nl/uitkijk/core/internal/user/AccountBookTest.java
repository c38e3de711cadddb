package nl.uitkijk.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import nl.uitkijk.api.user.UserAccount;
import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account rules on Karaf's own properties backing engine and a users.properties as the distribution ships it. */
class AccountBookTest {

    @TempDir
    Path folder;
    private Path file;
    private AccountBook book;

    @BeforeEach
    void open() throws Exception {
        file = folder.resolve("users.properties");
        Files.writeString(file, """
                _g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh
                _g_\\:operatorgroup = group,operator
                _g_\\:viewergroup = group,viewer
                _g_\\:supervisorgroup = group,supervisor,operator
                _g_\\:policegroup = group,police
                _g_\\:auditorgroup = group,auditor
                admin = secret-admin-password,_g_:admingroup
                old = secret-old-password,_g_:viewergroup
                """, StandardCharsets.UTF_8);
        book = reopen();
    }

    private AccountBook reopen() throws Exception {
        return new AccountBook(new PropertiesBackingEngine(new Properties(file.toFile())));
    }

    private UserAccount account(String name) {
        return book.accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void accountsShowTheirRoleAndEveryRoleTheServerChecks() throws Exception {
        assertEquals(List.of("admin", "old"), book.accounts().stream().map(UserAccount::name).toList());
        assertEquals("admin", account("admin").role());
        assertTrue(account("admin").roles().containsAll(Set.of("admin", "ssh")));
        assertEquals("operator", account("old").role(), "the older viewer group is an operator");

        book.create("anna", "a-long-password-1", "supervisor");
        book = reopen(); // written to the file, as jaas:update would
        assertEquals("supervisor", account("anna").role());
        assertEquals(Set.of("supervisor", "operator"), account("anna").roles());
        assertTrue(Files.readString(file).contains("anna"));
    }

    @Test
    void aRoleChangeReplacesTheGroupAndAGroupLeftEmptyIsDefinedAgainWhenJoined() throws Exception {
        book.create("paul", "a-long-password-2", "police");
        book.changeRole("paul", "operator");
        assertEquals("operator", account("paul").role());
        assertEquals(Set.of("operator"), account("paul").roles(), "no longer police");
        book.create("piet", "a-long-password-3", "police");
        assertEquals(Set.of("police"), account("piet").roles(), "the police group holds its role again");

        book.changePassword("piet", "another-long-password");
        assertEquals(Set.of("police"), account("piet").roles(), "a new password keeps the role");
        book.remove("piet");
        assertEquals(List.of("admin", "old", "paul"), book.accounts().stream().map(UserAccount::name).toList());
    }

    @Test
    void badInputAndLockingOutAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> book.create("x y", "a-long-password-1", "operator"));
        assertThrows(IllegalArgumentException.class, () -> book.create("_g_:x", "a-long-password-1", "operator"));
        assertThrows(IllegalArgumentException.class, () -> book.create("bram", "short", "operator"));
        assertThrows(IllegalArgumentException.class, () -> book.create("bram", "a-long,password", "operator"));
        assertThrows(IllegalArgumentException.class, () -> book.create("bram", "a-long-password-1", "root"));
        assertThrows(IllegalStateException.class, () -> book.create("admin", "a-long-password-1", "operator"));
        assertThrows(NoSuchElementException.class, () -> book.changeRole("nobody", "operator"));
        assertThrows(IllegalStateException.class, () -> book.changeRole("admin", "operator"), "the last admin");
        assertThrows(IllegalStateException.class, () -> book.remove("admin"), "the last admin");

        book.create("beheer", "a-long-password-4", "admin");
        book.changeRole("admin", "auditor");
        assertEquals("auditor", account("admin").role(), "with another administrator it may");
    }
}
