package nl.uitkijk.rest.internal;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** Checks a user name and password against a Karaf JAAS realm (the accounts of the console and ssh). */
final class JaasLogin {

    private JaasLogin() {
    }

    /** @return the user's roles; @throws LoginException when the realm refuses */
    static Set<String> roles(String realm, String user, String password) throws LoginException {
        Subject subject = new Subject();
        LoginContext context;
        // JAAS loads login modules through the context class loader: make it the one that sees Karaf's proxy.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RolePrincipal.class.getClassLoader());
        try {
            context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (subject.getPrincipals(UserPrincipal.class).isEmpty()) {
            throw new LoginException("no user principal");
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toUnmodifiableSet());
        context.logout();
        return roles;
    }
}
