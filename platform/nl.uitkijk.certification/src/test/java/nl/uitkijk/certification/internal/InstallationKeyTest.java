package nl.uitkijk.certification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation's key: made once, kept, private to its owner, and a signature that tells any change. */
class InstallationKeyTest {

    @TempDir
    Path directory;

    @Test
    void isMadeOnceAndKept() throws Exception {
        InstallationKey first = InstallationKey.in(directory);
        InstallationKey again = InstallationKey.in(directory);
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(64, first.fingerprint().length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve("installation-key.pk8"))));
        assertTrue(Files.readString(directory.resolve("installation-key.pem"))
                .startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void aSignatureHoldsForTheTextAndForNothingElse() throws Exception {
        InstallationKey key = InstallationKey.in(directory);
        String report = "{\"feature\": \"uitkijk-driver-onvif\", \"passed\": true}\n";
        String signature = key.sign(report);
        assertTrue(key.verifies(report, signature));
        assertFalse(key.verifies(report.replace("true", "false"), signature), "a changed verdict");
        assertFalse(key.verifies(report + " ", signature), "one space more");
        assertFalse(key.verifies(report, "not base64!"), "a malformed signature holds for nothing");
        assertFalse(key.verifies(report, "AAAA"), "nor does a wrong one");
        Path elsewhere = Files.createDirectory(directory.resolve("other"));
        assertFalse(InstallationKey.in(elsewhere).verifies(report, signature), "another installation's key");
    }
}
