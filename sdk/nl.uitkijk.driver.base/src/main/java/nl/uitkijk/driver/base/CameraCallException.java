package nl.uitkijk.driver.base;

/**
 * A call to a camera failed; the message is written for the operator ("authentication failed", "no answer (timeout
 * after 5 s)") and becomes the camera's OFFLINE reason as it is.
 */
public class CameraCallException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean refused;

    public CameraCallException(String message) {
        this(message, false);
    }

    /** @param refused the camera refused our credentials: retry slowly (cameras lock accounts) */
    public CameraCallException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }
}
