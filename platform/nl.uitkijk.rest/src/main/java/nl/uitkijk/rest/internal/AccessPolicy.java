package nl.uitkijk.rest.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may call what: the rule is declared on each resource method ({@link Allow}, {@link SignedIn}, {@link Open})
 * and this class reads it; the console only hides what this refuses. Denied by default: a method that declares
 * nothing is refused to everyone, whatever URL reached it.
 */
final class AccessPolicy {

    /** Roles that see cameras beyond the ones shared with the police. */
    private static final Set<String> BEYOND_POLICE = Set.of(Role.ADMIN.principal(), Role.OPERATOR.principal(),
            Role.SUPERVISOR.principal());

    private AccessPolicy() {
    }

    /** The method may be called without signing in. */
    static boolean open(Method method) {
        return method != null && method.isAnnotationPresent(Open.class);
    }

    /** Police and nothing more: limited to the cameras shared with the police. */
    static boolean policeOnly(Set<String> roles) {
        return roles.contains(Role.POLICE.principal()) && roles.stream().noneMatch(BEYOND_POLICE::contains);
    }

    /**
     * Empty when a signed-in user with these roles may call the method; otherwise what they may not do, for the 403.
     *
     * @param pathParameter the request's (decoded) path parameter of a name, or null
     * @param sharedWithPolice whether a camera is shared with the police
     */
    static Optional<String> refusal(Method method, Set<String> roles, Function<String, String> pathParameter,
            Predicate<String> sharedWithPolice) {
        if (method == null) {
            return Optional.of("call this (no resource method)");
        }
        if (method.isAnnotationPresent(Open.class) || method.isAnnotationPresent(SignedIn.class)) {
            return Optional.empty();
        }
        Allow allow = method.getAnnotation(Allow.class);
        if (allow == null) {
            return Optional.of("call this (it declares no access rule)");
        }
        if (roles.contains(Role.ADMIN.principal())) {
            return Optional.empty();
        }
        boolean police = false;
        for (Role role : allow.value()) {
            if (role == Role.POLICE) {
                police = true;
            } else if (roles.contains(role.principal())) {
                return Optional.empty();
            }
        }
        if (police && roles.contains(Role.POLICE.principal())) {
            if (allow.camera().isEmpty()) {
                return Optional.empty(); // the method limits its answer to the shared cameras itself
            }
            String camera = pathParameter.apply(allow.camera());
            return camera != null && sharedWithPolice.test(camera) ? Optional.empty()
                    : Optional.of("see camera '" + camera + "' (it is not shared with the police)");
        }
        return Optional.of("call this (it needs the role " + needed(allow) + ")");
    }

    private static String needed(Allow allow) {
        return Stream.concat(Arrays.stream(allow.value()), Stream.of(Role.ADMIN)).map(Role::principal).distinct()
                .collect(Collectors.joining(" or "));
    }
}
