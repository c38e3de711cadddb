package nl.uitkijk.core.internal.camera;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraSession;

/** The running driver sessions, for the platform's own services (media hub, PTZ); never exported to plugins. */
public interface CameraSessions {

    Optional<Camera> camera(String id);

    /** The session of a camera whose driver is installed and started. */
    Optional<CameraSession> session(String id);

    /**
     * Where drivers learn when a stream's last packet arrived ({@link nl.uitkijk.api.camera.CameraContext
     * #lastPacketReceived}). The media hub sets itself here: a reference back from the registry to the hub would
     * make a cycle of services.
     *
     * @param source (camera id, stream) → time of the last packet; {@code null} when the hub goes away
     */
    default void streamActivity(BiFunction<String, String, Optional<Instant>> source) {
    }

    /**
     * Where the media hub learns that a camera's session started or stopped (a stopped camera's open stream must
     * be dropped at once).
     *
     * @param listener called with the camera id; {@code null} when the hub goes away
     */
    default void sessionChanges(Consumer<String> listener) {
    }
}
