package nl.uitkijk.core.internal.user;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.login.AppConfigurationEntry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.user.UserAccount;
import nl.uitkijk.api.user.UserAccounts;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The accounts of the Karaf JAAS realm the API signs in with, changed through Karaf's own backing engine (as
 * {@code jaas:user-add} does), so the console, ssh and etc/users.properties stay one list. Every change is audited.
 */
@Component(service = UserAccounts.class, configurationPid = "nl.uitkijk.users")
@Designate(ocd = KarafUserAccounts.Configuration.class)
public class KarafUserAccounts implements UserAccounts {

    @ObjectClassDefinition(name = "Uitkijk user accounts", description = "Where the accounts are kept.")
    public @interface Configuration {
        @AttributeDefinition(name = "JAAS realm", description = "The realm whose accounts the console manages.")
        String realm() default "karaf";
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KarafUserAccounts.class);

    private final AuditLog auditLog;
    private final String realmName;
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

    @Activate
    public KarafUserAccounts(@Reference AuditLog auditLog, Configuration configuration) {
        this.auditLog = auditLog;
        this.realmName = configuration.realm();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void unbindRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    /** Karaf registers one factory per login module that can be managed (properties, public keys). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindFactory(BackingEngineFactory factory) {
        factories.add(factory);
    }

    void unbindFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /** The realm's engine for its properties login module (the one that holds passwords and groups). */
    private AccountBook book() {
        JaasRealm realm = realms.stream().filter(r -> realmName.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank))
                .orElseThrow(() -> new IllegalStateException("no JAAS realm '" + realmName + "'"));
        BackingEngineService engines = new BackingEngineService(); // what jaas:realm-manage does
        engines.setEngineFactories(List.copyOf(factories));
        BackingEngine fallback = null;
        for (AppConfigurationEntry entry : realm.getEntries()) {
            BackingEngine engine = engines.get(entry);
            if (engine != null && entry.getLoginModuleName().contains("Properties")) {
                return new AccountBook(engine);
            }
            fallback = fallback == null ? engine : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("the JAAS realm '" + realmName + "' cannot be managed");
        }
        return new AccountBook(fallback);
    }

    /** Read under the same lock as the changes: never a half-written etc/users.properties. */
    @Override
    public synchronized List<UserAccount> accounts() {
        return book().accounts();
    }

    @Override
    public synchronized UserAccount create(String name, String password, String role, String by) {
        book().create(name, password, role);
        UserAccount account = stored(name, role);
        auditLog.record(by, AuditActions.USER_ADD, name, "REST", "", "role=" + role);
        return account;
    }

    @Override
    public synchronized UserAccount changeRole(String name, String role, String by) {
        book().changeRole(name, role);
        UserAccount account = stored(name, role);
        auditLog.record(by, AuditActions.USER_CHANGE, name, "REST", "", "role=" + role);
        return account;
    }

    /**
     * The account as the file holds it once it is settled, with the role it must have. Karaf's JAAS module
     * re-reads and rewrites etc/users.properties after every change (its AutoEncryptionSupport, which hashes clear
     * passwords); a rewrite from a copy read between the two saves of one change (the user, then the group) loses
     * the group — seen twice in the clean-clone browser test, with the slow salted hash widening the window. So the
     * file is read again until the role has stood for a while, storing it again when it was lost.
     */
    private UserAccount stored(String name, String role) {
        UserAccount account = null;
        int stable = 0;
        for (int attempt = 0; attempt < 20 && stable < 3; attempt++) {
            pause(250);
            account = find(name);
            if (account != null && role.equals(account.role())) {
                stable++;
            } else {
                stable = 0;
                LOG.warn("The role of '{}' was lost from etc/users.properties by a concurrent rewrite; storing it "
                        + "again", name);
                book().changeRole(name, role);
            }
        }
        if (account == null || !role.equals(account.role())) {
            throw new IllegalStateException("the role of '" + name + "' could not be stored");
        }
        return account;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UserAccount find(String name) {
        return book().accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public synchronized void changePassword(String name, String password, String by) {
        book().changePassword(name, password);
        auditLog.record(by, AuditActions.USER_CHANGE, name, "REST", "", "password changed");
    }

    @Override
    public synchronized void remove(String name, String by) {
        book().remove(name);
        auditLog.record(by, AuditActions.USER_REMOVE, name, "REST", "", "");
    }
}
