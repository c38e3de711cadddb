package nl.uitkijk.api.camera;

/** A camera with this id exists already. */
public class DuplicateCameraException extends CameraException {
    private static final long serialVersionUID = 1L;

    public DuplicateCameraException(String id) {
        super("id: a camera with id '" + id + "' exists already");
    }
}
