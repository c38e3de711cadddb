package nl.uitkijk.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.user.UserAccounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code admin} account on the very first start of an installation, and never again: not after it was
 * removed or renamed, not after {@code data/} was wiped ({@value #MARKER} in {@code etc/} records that it was done).
 * The password comes from the environment variable {@value #PASSWORD_VARIABLE} (at least
 * {@value nl.uitkijk.api.user.UserAccounts#MIN_PASSWORD_LENGTH} characters), or is generated and printed once on the
 * console, never into a log. The account is written to Karaf's {@code etc/users.properties} at once (so it works for
 * the REST API, the console and ssh from the first request) and stored again salted and hashed through the realm's
 * backing engine as soon as that is up ({@code etc/org.apache.karaf.jaas.cfg}).
 */
@Component(immediate = true, service = {})
public class AdminAccountInitializer {

    static final String PASSWORD_VARIABLE = "UITKIJK_ADMIN_PASSWORD";
    static final String ADMIN = "admin";
    /** In etc/: the installation's admin account was created (its content says when). */
    static final String MARKER = "uitkijk-admin.created";
    private static final Pattern ADMIN_ENTRY = Pattern.compile("^\\s*admin\\s*[=:].*", Pattern.MULTILINE);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final Duration REHASH_PATIENCE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountInitializer.class);

    private final ScheduledExecutorService rehash = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "uitkijk-admin-account");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public AdminAccountInitializer(@Reference UserAccounts accounts) {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        try {
            Created created = ensureAdmin(etc, System.getenv(PASSWORD_VARIABLE), new SecureRandom());
            if (created != null) {
                if (created.generated()) {
                    // Shown exactly once, on the console of the first start; a log would keep it.
                    System.out.println("Uitkijk: generated the initial password of user 'admin': " + created.password()
                            + " (change it in the console's Users page or with: jaas:realm-manage --realm karaf;"
                            + " jaas:user-add admin <new>; jaas:update)");
                    LOG.warn("Created user 'admin' with a generated password, printed once on the console (not logged)");
                } else {
                    LOG.info("Created user 'admin' with the password from {}", PASSWORD_VARIABLE);
                }
                storeHashed(accounts, created.password(), Instant.now().plus(REHASH_PATIENCE));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Did not create the admin account: {}", e.getMessage());
        }
    }

    @Deactivate
    void stop() {
        rehash.shutdownNow();
    }

    /** The realm's engine salts and hashes what it stores; it may come up after this component. */
    private void storeHashed(UserAccounts accounts, String password, Instant giveUp) {
        try {
            accounts.changePassword(ADMIN, password, AuditLog.SYSTEM);
            LOG.info("The admin password is stored hashed");
        } catch (RuntimeException e) {
            if (Instant.now().isAfter(giveUp)) {
                LOG.error("Could not store the admin password hashed: {} (it is hashed at the first sign-in)",
                        e.getMessage());
                return;
            }
            rehash.schedule(() -> storeHashed(accounts, password, giveUp), 500, TimeUnit.MILLISECONDS);
        }
    }

    /** The account made on the first start, and whether its password was generated. */
    record Created(String password, boolean generated) {
    }

    /**
     * Adds the admin account on the first start of the installation.
     *
     * @return what was created, or {@code null} when the installation had been set up before
     * @throws IllegalArgumentException when the password from the environment is too short or would break the file
     */
    static Created ensureAdmin(Path etc, String fromEnvironment, SecureRandom random) throws IOException {
        Path marker = etc.resolve(MARKER);
        if (Files.exists(marker)) {
            return null;
        }
        Path users = etc.resolve("users.properties");
        String existing = Files.isRegularFile(users) ? Files.readString(users, StandardCharsets.UTF_8) : "";
        if (ADMIN_ENTRY.matcher(existing).find()) {
            Files.writeString(marker, "admin account existed before " + Instant.now() + "\n", StandardCharsets.UTF_8);
            return null; // an installation from before the marker
        }
        boolean generate = fromEnvironment == null || fromEnvironment.isBlank();
        String password = generate ? generate(random) : fromEnvironment;
        if (password.length() < UserAccounts.MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(PASSWORD_VARIABLE + " must have at least "
                    + UserAccounts.MIN_PASSWORD_LENGTH + " characters; start again with a longer one");
        }
        if (password.contains(",") || password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(PASSWORD_VARIABLE + " must not contain commas or control characters");
        }
        String entry = (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n")
                + ADMIN + " = " + escape(password) + ",_g_:admingroup\n";
        Files.writeString(users, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.writeString(marker, "admin account created " + Instant.now() + "\n", StandardCharsets.UTF_8);
        return new Created(password, generate);
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
