package nl.uitkijk.core.internal.camera;

import java.util.Optional;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraSession;

/** The running driver sessions, for the platform's own services (media hub, PTZ); never exported to plugins. */
public interface CameraSessions {

    Optional<Camera> camera(String id);

    /** The session of a camera whose driver is installed and started. */
    Optional<CameraSession> session(String id);
}
