package nl.uitkijk.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.login.LoginException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every password check of the API and the console, in one place: against the Karaf JAAS realm, with
 * <ul>
 * <li>a lockout per account after {@code maxFailuresPerAccount} refusals in a row (for {@code lockMinutes}, or until
 * an administrator lifts it), counted for any name, existing or not, so a lockout tells nothing of who exists;</li>
 * <li>a limit per client address ({@code maxFailuresPerAddress} refusals within {@code addressWindowMinutes}), so one
 * client cannot try many names;</li>
 * <li>an audit trail that an attacker cannot flood: the first refusal of a name from an address, the lockout, and
 * then one entry per hundred refusals (with the count) — a refused request beyond the limits is not audited;</li>
 * <li>a short cache of verified credentials (a keyed hash, never the password) so that HTTP Basic, which sends the
 * password with every request, does not pay the deliberately slow password hash each time.</li>
 * </ul>
 */
@Component(service = SignIns.class, configurationPid = "nl.uitkijk.rest.security")
@Designate(ocd = SignIns.Configuration.class)
public class SignIns {

    @ObjectClassDefinition(name = "Uitkijk sign-in", description = "Password checks, lockout and rate limits.")
    public @interface Configuration {
        @AttributeDefinition(name = "JAAS realm", description = "Karaf JAAS realm that checks the credentials.")
        String realm() default "karaf";

        @AttributeDefinition(name = "Refusals before an account is locked", min = "1")
        int maxFailuresPerAccount() default 5;

        @AttributeDefinition(name = "Lockout in minutes", description = "An administrator can lift it sooner.")
        int lockMinutes() default 15;

        @AttributeDefinition(name = "Refusals per client address", min = "1")
        int maxFailuresPerAddress() default 20;

        @AttributeDefinition(name = "Window of the per-address limit in minutes")
        int addressWindowMinutes() default 10;

        @AttributeDefinition(name = "Seconds a verified password is remembered", min = "0")
        int cacheSeconds() default 30;
    }

    /** A refused sign-in: 401 for wrong credentials, 429 for a lockout or a rate limit. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final Instant retryAfter;

        Refused(int status, String message, Instant retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    /** Checks a name and password; answers the roles. */
    interface PasswordCheck {
        Set<String> roles(String user, String password) throws LoginException;
    }

    private record Verified(byte[] digest, Set<String> roles, Instant until) {
    }

    private static final class Failures {
        int count;
        int sinceAudit;
        int lockouts;
        Instant first;
        Instant lockedUntil;
    }

    private static final int AUDIT_EVERY = 100;
    private static final int MAX_TRACKED = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(SignIns.class);

    private final AuditLog auditLog;
    private final PasswordCheck check;
    private final Clock clock;
    private final int maxPerAccount;
    private final Duration lock;
    private final int maxPerAddress;
    private final Duration addressWindow;
    private final Duration cache;
    private final byte[] cacheKey = new byte[32];
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Activate
    public SignIns(Configuration configuration, @Reference AuditLog auditLog) {
        this(configuration, auditLog, (user, password) -> JaasLogin.roles(configuration.realm(), user, password),
                Clock.systemUTC());
    }

    SignIns(Configuration configuration, AuditLog auditLog, PasswordCheck check, Clock clock) {
        this.auditLog = auditLog;
        this.check = check;
        this.clock = clock;
        this.maxPerAccount = Math.max(1, configuration.maxFailuresPerAccount());
        this.lock = Duration.ofMinutes(Math.max(1, configuration.lockMinutes()));
        this.maxPerAddress = Math.max(1, configuration.maxFailuresPerAddress());
        this.addressWindow = Duration.ofMinutes(Math.max(1, configuration.addressWindowMinutes()));
        this.cache = Duration.ofSeconds(Math.max(0, configuration.cacheSeconds()));
        new SecureRandom().nextBytes(cacheKey);
    }

    /**
     * @param address the client's address (the per-address limit)
     * @param origin where, for the audit trail (e.g. "console 127.0.0.1")
     * @return the user's roles
     */
    Set<String> signIn(String user, String password, String address, String origin) throws Refused {
        Instant now = clock.instant();
        Failures fromAddress = byAddress.get(address);
        if (fromAddress != null && fromAddress.count >= maxPerAddress && !now.isAfter(fromAddress.first.plus(
                addressWindow))) {
            throw new Refused(429, "too many refused sign-ins from this address: try again later",
                    fromAddress.first.plus(addressWindow));
        }
        Failures ofAccount = byAccount.get(user);
        if (ofAccount != null && ofAccount.lockedUntil != null && now.isBefore(ofAccount.lockedUntil)) {
            throw new Refused(429, "too many refused sign-ins: this account is locked for now (an administrator "
                    + "can lift it)", ofAccount.lockedUntil);
        }
        byte[] digest = digest(user, password);
        Verified known = verified.get(user);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            return known.roles();
        }
        Set<String> roles;
        try {
            roles = check.roles(user, password);
        } catch (LoginException e) {
            verified.remove(user);
            refused(user, address, origin, now);
            throw new Refused(401, "user name or password is wrong", null);
        }
        byAccount.remove(user);
        if (!cache.isZero()) {
            verified.put(user, new Verified(digest, roles, now.plus(cache)));
        }
        return roles;
    }

    private void refused(String user, String address, String origin, Instant now) {
        if (byAccount.size() > MAX_TRACKED || byAddress.size() > MAX_TRACKED) {
            byAccount.values().removeIf(f -> f.lockedUntil == null || f.lockedUntil.isBefore(now));
            byAddress.values().removeIf(f -> f.first.plus(addressWindow).isBefore(now));
        }
        Failures fromAddress = byAddress.compute(address, (key, f) -> {
            Failures failures = f == null || f.first.plus(addressWindow).isBefore(now) ? new Failures() : f;
            if (failures.first == null) {
                failures.first = now;
            }
            failures.count++;
            return failures;
        });
        Failures ofAccount;
        boolean audit;
        boolean locked = false;
        synchronized (byAccount) {
            ofAccount = byAccount.computeIfAbsent(user, key -> new Failures());
            if (ofAccount.lockedUntil != null && !now.isBefore(ofAccount.lockedUntil)) {
                ofAccount.count = 0; // an expired lockout starts counting anew
                ofAccount.lockedUntil = null;
            }
            ofAccount.count++;
            ofAccount.sinceAudit++;
            if (ofAccount.first == null) {
                ofAccount.first = now;
            }
            if (ofAccount.count >= maxPerAccount && ofAccount.lockedUntil == null) {
                ofAccount.lockedUntil = now.plus(lock);
                locked = true;
            }
            if (locked) {
                ofAccount.lockouts++;
            }
            // after a lockout the next ones are audited, not each first refusal again
            audit = ofAccount.count == 1 && ofAccount.lockouts == 0 || locked || ofAccount.sinceAudit >= AUDIT_EVERY;
            if (audit) {
                ofAccount.sinceAudit = 0;
            }
        }
        LOG.info("Sign-in refused for user '{}' from {}", user, origin);
        if (locked) {
            LOG.warn("Account '{}' locked for {} min after {} refused sign-ins", user, lock.toMinutes(),
                    ofAccount.count);
            auditLog.record(user, AuditActions.SIGN_IN_LOCKED, user, origin, "", ofAccount.count
                    + " refused sign-ins in a row; locked for " + lock.toMinutes() + " min"
                    + (ofAccount.lockouts > 1 ? " (lockout " + ofAccount.lockouts + ")" : ""));
        } else if (audit) {
            auditLog.record(user, AuditActions.SIGN_IN_REFUSED, "", origin, "", ofAccount.count == 1
                    ? "wrong user name or password" : ofAccount.count + " refused sign-ins in a row");
        }
        if (fromAddress.count == maxPerAddress) {
            LOG.warn("Client {} reached {} refused sign-ins in {} min; refused until the window ends", address,
                    maxPerAddress, addressWindow.toMinutes());
            auditLog.record(user, AuditActions.SIGN_IN_LOCKED, address, origin, "", maxPerAddress
                    + " refused sign-ins from this address; further attempts refused for up to "
                    + addressWindow.toMinutes() + " min");
        }
    }

    /** The accounts locked now, and until when. */
    Map<String, Instant> locked() {
        Instant now = clock.instant();
        Map<String, Instant> locked = new TreeMap<>();
        byAccount.forEach((user, f) -> {
            if (f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
                locked.put(user, f.lockedUntil);
            }
        });
        return locked;
    }

    /** Lifts an account's lockout. @return whether it was locked */
    boolean unlock(String user, String by, String origin) {
        Failures removed = byAccount.remove(user);
        boolean wasLocked = removed != null && removed.lockedUntil != null
                && clock.instant().isBefore(removed.lockedUntil);
        if (wasLocked) {
            auditLog.record(by, AuditActions.SIGN_IN_UNLOCKED, user, origin, "", "");
        }
        return wasLocked;
    }

    /** Forgets a user's verified password (their password, role or account changed). */
    void forget(String user) {
        verified.remove(user);
    }

    private byte[] digest(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
