package nl.uitkijk.rest.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method, checked by {@link BasicAuthenticationFilter} on the method that JAX-RS routed the
 * request to (never on the URL), before it runs. A method without {@code @Allow}, {@link SignedIn} or {@link Open}
 * is refused to everyone. {@link Role#ADMIN} may call every method that has an {@code @Allow}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allow {

    /** The roles that may call the method, besides the administrator. */
    Role[] value() default {};

    /**
     * The path parameter that names the camera this method acts on: a user who is police and nothing more may call
     * it only for a camera shared with the police. Empty for a method that takes no camera from its path; a method
     * that allows {@link Role#POLICE} without one must limit what it answers itself.
     */
    String camera() default "";
}
