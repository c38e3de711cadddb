package nl.uitkijk.api.camera;

/** There is no camera with this id. */
public class UnknownCameraException extends CameraException {
    private static final long serialVersionUID = 1L;

    public UnknownCameraException(String id) {
        super("no camera with id '" + id + "'");
    }
}
