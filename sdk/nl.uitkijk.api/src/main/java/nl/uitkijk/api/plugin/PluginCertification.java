package nl.uitkijk.api.plugin;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Certification of installed plugins by this installation: the SDK's conformance kit for the plugin's kind runs on
 * the installed plugin against the test kit's simulators and receivers on loopback, and the report is signed with a key of the
 * installation (ECDSA P-256, made at the first certification and kept in the installation's data), so procurement
 * can tell that a report was made here and is unchanged.
 *
 * <p>What runs today: camera drivers that speak a protocol the test kit simulates in a running installation (ONVIF,
 * Hikvision ISAPI), control-room connectors of a kind it has a receiver for (webhook, SIA DC-09), made as platform
 * connector instances that no real alarm is routed to, and analytics modules on the real clip of the test kit's
 * data. For other plugins {@link #certify} refuses with the
 * reason; the report their build made remains in the catalogue ({@link PluginEntry#conformance()}).
 */
@ProviderType
public interface PluginCertification {

    /**
     * Runs the conformance kit on the installed plugin and stores the signed report, replacing the previous one.
     *
     * @param featureName the plugin's feature ({@code uitkijk-driver-onvif})
     * @return the certificate, whether or not every check passed
     * @throws java.util.NoSuchElementException when no such plugin is installed
     * @throws IllegalStateException when this installation has no kit for the plugin (with the reason), or a
     *         certification is running already
     */
    Certificate certify(String featureName);

    /** The plugin's last certificate, checked against the installation's key now; empty when never certified. */
    Optional<Certificate> certificate(String featureName);

    /** The installation's public key (PEM, SubjectPublicKeyInfo), to check a report without the platform. */
    String publicKeyPem();

    /**
     * A signed conformance report.
     *
     * @param feature the plugin's feature
     * @param at when the kit ran (ISO-8601)
     * @param passed whether every check passed (none failed)
     * @param report the report as the kit wrote it (JSON, the same format as a build's report) — the signed bytes
     *        are its UTF-8 encoding
     * @param signature the ECDSA signature (SHA-256, DER) in base64
     * @param keyFingerprint the SHA-256 of the installation's public key (hex)
     * @param intact whether the signature holds for the report with this installation's key, checked on reading
     * @param conformance the kit's checks as read from the report (the same shape as a build's report in the
     *        catalogue)
     */
    record Certificate(String feature, String at, boolean passed, String report, String signature,
            String keyFingerprint, boolean intact, PluginEntry.Conformance conformance) {
    }
}
