package nl.uitkijk.core.internal.user;

import java.security.Principal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import nl.uitkijk.api.user.UserAccount;
import nl.uitkijk.api.user.UserAccounts;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;

/**
 * The rules of Uitkijk's accounts on one Karaf JAAS backing engine (etc/users.properties by default): a role is a
 * membership of its group ({@code operator} → {@code operatorgroup}), groups hold the roles the server checks, and
 * the last administrator stays. Karaf drops a group's definition when its last member leaves, so a group is defined
 * again, with its roles, before anyone joins it.
 */
final class AccountBook {

    /** The groups of the roles and what each holds, as etc/users.properties defines them. */
    static final Map<String, List<String>> GROUP_ROLES = Map.of(
            "admin", List.of("admin", "manager", "viewer", "systembundles", "ssh"),
            "operator", List.of("operator"),
            "supervisor", List.of("supervisor", "operator"),
            "police", List.of("police"),
            "auditor", List.of("auditor"),
            "procurement", List.of("procurement"));
    private static final String LEGACY_VIEWER_GROUP = "viewergroup";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final BackingEngine engine;

    AccountBook(BackingEngine engine) {
        this.engine = engine;
    }

    static String groupOf(String role) {
        return role + "group";
    }

    List<UserAccount> accounts() {
        // "_g_" alone is no account: a stray line Karaf's rewrite of the file can leave behind
        return engine.listUsers().stream().filter(user -> !user.getName().startsWith("_g_"))
                .map(this::account).sorted(Comparator.comparing(UserAccount::name)).toList();
    }

    private UserAccount account(UserPrincipal user) {
        Set<String> roles = new LinkedHashSet<>();
        for (RolePrincipal role : engine.listRoles(user)) {
            roles.add(role.getName());
        }
        String role = "";
        for (GroupPrincipal group : engine.listGroups(user)) {
            String name = group.getName();
            if (name.equals(LEGACY_VIEWER_GROUP)) {
                role = role.isEmpty() ? "operator" : role;
            } else if (name.endsWith("group") && UserAccounts.ROLES.contains(name.substring(0, name.length() - 5))) {
                role = name.substring(0, name.length() - 5);
            }
        }
        return new UserAccount(user.getName(), role, roles);
    }

    UserAccount create(String name, String password, String role) {
        checkName(name);
        checkPassword(password);
        checkRole(role);
        if (find(name) != null) {
            throw new IllegalStateException("user '" + name + "' exists already");
        }
        engine.addUser(name, password);
        join(name, role);
        return account(find(name));
    }

    UserAccount changeRole(String name, String role) {
        checkRole(role);
        UserPrincipal user = existing(name);
        if (!role.equals("admin") && account(user).roles().contains("admin") && administrators() <= 1) {
            throw new IllegalStateException("'" + name + "' is the last administrator");
        }
        for (GroupPrincipal group : engine.listGroups(user)) {
            String groupName = group.getName();
            if (groupName.equals(LEGACY_VIEWER_GROUP) || GROUP_ROLES.keySet().stream()
                    .anyMatch(known -> groupOf(known).equals(groupName))) {
                engine.deleteGroup(name, groupName);
            }
        }
        join(name, role);
        return account(existing(name));
    }

    void changePassword(String name, String password) {
        existing(name);
        checkPassword(password);
        engine.addUser(name, password); // Karaf keeps the user's groups and roles, and hashes when configured to
    }

    void remove(String name) {
        UserPrincipal user = existing(name);
        if (account(user).roles().contains("admin") && administrators() <= 1) {
            throw new IllegalStateException("'" + name + "' is the last administrator");
        }
        engine.deleteUser(name);
    }

    private void join(String name, String role) {
        String group = groupOf(role);
        boolean defined = engine.listGroups().keySet().stream().map(Principal::getName).anyMatch(group::equals);
        if (!defined) {
            engine.createGroup(group);
            GROUP_ROLES.get(role).forEach(held -> engine.addGroupRole(group, held));
        }
        engine.addGroup(name, group);
    }

    private long administrators() {
        return accounts().stream().filter(account -> account.roles().contains("admin")).count();
    }

    private UserPrincipal find(String name) {
        return engine.listUsers().stream().filter(user -> user.getName().equals(name)).findFirst().orElse(null);
    }

    private UserPrincipal existing(String name) {
        UserPrincipal user = name == null ? null : find(name);
        if (user == null) {
            throw new NoSuchElementException("no user '" + name + "'");
        }
        return user;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith(BackingEngine.GROUP_PREFIX)) {
            throw new IllegalArgumentException("name: 1 to 64 letters, digits, dots, dashes or underscores");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < UserAccounts.MIN_PASSWORD_LENGTH || password.length() > 200
                || password.contains(",") || password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("password: " + UserAccounts.MIN_PASSWORD_LENGTH
                    + " to 200 characters, no commas or control characters");
        }
    }

    private static void checkRole(String role) {
        if (role == null || !UserAccounts.ROLES.contains(role)) {
            throw new IllegalArgumentException("role: one of " + UserAccounts.ROLES.stream().sorted().toList());
        }
    }
}
