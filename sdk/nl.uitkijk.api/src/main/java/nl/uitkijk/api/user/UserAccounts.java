package nl.uitkijk.api.user;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The accounts that may sign in (a service): the same accounts for the REST API, the console and Karaf's ssh. Each
 * account gets one of {@link #ROLES}; every change is audited with the administrator who made it. The platform
 * refuses to remove or demote the last administrator, so an installation cannot lock itself out.
 */
@ProviderType
public interface UserAccounts {

    /** operator: live, alarms, playback; supervisor: + export; admin: everything; police: shared cameras only;
     * auditor: the audit trail only. */
    Set<String> ROLES = Set.of("operator", "supervisor", "admin", "police", "auditor", "procurement");

    int MIN_PASSWORD_LENGTH = 12;

    List<UserAccount> accounts();

    /**
     * @throws IllegalArgumentException for a name that is not 1–64 letters, digits, dots, dashes or underscores, a
     *             password shorter than {@value #MIN_PASSWORD_LENGTH} or holding a comma, or an unknown role
     * @throws IllegalStateException when the name is taken
     */
    UserAccount create(String name, String password, String role, String by);

    /**
     * @throws java.util.NoSuchElementException when there is no such user
     * @throws IllegalStateException when it would leave no administrator
     */
    UserAccount changeRole(String name, String role, String by);

    /** @throws java.util.NoSuchElementException when there is no such user */
    void changePassword(String name, String password, String by);

    /**
     * @throws java.util.NoSuchElementException when there is no such user
     * @throws IllegalStateException when it is the last administrator
     */
    void remove(String name, String by);
}
