package nl.uitkijk.api.user;

import java.util.Set;

/**
 * A user of the platform as administrators see it: never a password.
 *
 * @param name the user name
 * @param role the role the user was given ({@link UserAccounts#ROLES}), or empty when the account has another set
 *            of groups (made with Karaf's own commands)
 * @param roles every role the user holds, through groups or directly (what the server checks)
 */
public record UserAccount(String name, String role, Set<String> roles) {

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        role = role == null ? "" : role;
    }
}
