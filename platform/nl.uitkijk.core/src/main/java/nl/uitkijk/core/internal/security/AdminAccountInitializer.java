package nl.uitkijk.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the installation has an {@code admin} account and no default password. On the first start the password
 * comes from the environment variable {@value #PASSWORD_VARIABLE}, or is generated and shown once. The account lives
 * in Karaf's {@code etc/users.properties}, so it works for the REST API, the console and ssh alike; Karaf stores it
 * hashed after its first use ({@code encryption.enabled} in {@code etc/org.apache.karaf.jaas.cfg}).
 */
@Component(immediate = true, service = {})
public class AdminAccountInitializer {

    static final String PASSWORD_VARIABLE = "UITKIJK_ADMIN_PASSWORD";
    static final String ADMIN = "admin";
    private static final Pattern ADMIN_ENTRY = Pattern.compile("^\\s*admin\\s*[=:].*", Pattern.MULTILINE);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountInitializer.class);

    @Activate
    public AdminAccountInitializer() {
        Path users = Path.of(System.getProperty("karaf.etc", "etc"), "users.properties");
        try {
            ensureAdmin(users, System.getenv(PASSWORD_VARIABLE), new SecureRandom());
        } catch (IOException e) {
            LOG.error("Cannot create the admin account in {}: {}", users, e.getMessage());
        }
    }

    /**
     * Adds the admin account unless one exists.
     *
     * @return the generated password, or {@code null} when none was generated
     */
    static String ensureAdmin(Path users, String fromEnvironment, SecureRandom random) throws IOException {
        String existing = Files.isRegularFile(users) ? Files.readString(users, StandardCharsets.UTF_8) : "";
        if (ADMIN_ENTRY.matcher(existing).find()) {
            return null;
        }
        boolean generate = fromEnvironment == null || fromEnvironment.isBlank();
        String password = generate ? generate(random) : fromEnvironment;
        if (password.contains(",") || password.chars().anyMatch(Character::isISOControl)) {
            throw new IOException(PASSWORD_VARIABLE + " must not contain commas or control characters");
        }
        String entry = (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n")
                + ADMIN + " = " + escape(password) + ",_g_:admingroup\n";
        Files.writeString(users, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (generate) {
            // Shown exactly once: on the console of the first start and in the (owner-only) log.
            String notice = "Uitkijk: generated the initial password of user 'admin': " + password
                    + " (change it with: jaas:realm-manage --realm karaf; jaas:user-add admin <new>; jaas:update)";
            System.out.println(notice);
            LOG.warn(notice);
        } else {
            LOG.info("Created user 'admin' with the password from {}", PASSWORD_VARIABLE);
        }
        return generate ? password : null;
    }

    static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    /** Escapes what java.util.Properties-style files would otherwise interpret. */
    private static String escape(String password) {
        StringBuilder escaped = new StringBuilder();
        for (char c : password.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || (c == ' ' && escaped.isEmpty())) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
