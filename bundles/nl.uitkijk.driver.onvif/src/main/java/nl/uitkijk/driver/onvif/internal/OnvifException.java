package nl.uitkijk.driver.onvif.internal;

/** A camera that cannot be used now, with a reason an operator understands ("authentication failed"). */
final class OnvifException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean authentication;

    OnvifException(String message) {
        this(message, false);
    }

    OnvifException(String message, boolean authentication) {
        super(message);
        this.authentication = authentication;
    }

    /** Whether the camera refused the credentials (no point retrying quickly). */
    boolean authentication() {
        return authentication;
    }
}
