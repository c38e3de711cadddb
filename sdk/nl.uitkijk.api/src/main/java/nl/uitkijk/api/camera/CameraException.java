package nl.uitkijk.api.camera;

/** Base of the registry's checked exceptions; the message is fit to show to the person who asked. */
public abstract class CameraException extends Exception {
    private static final long serialVersionUID = 1L;

    protected CameraException(String message) {
        super(message);
    }
}
