package nl.uitkijk.api.camera;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's cameras: what is configured, persisted, and running. Provided by the platform; plugins and
 * front ends (REST, shell, console) read and change cameras only through it.
 */
@ProviderType
public interface CameraRegistry {

    List<Camera> cameras();

    Optional<Camera> camera(String id);

    /** The drivers installed now. */
    List<DriverDescription> drivers();

    /**
     * Validates, stores and starts a camera.
     *
     * @throws InvalidCameraException when a field is invalid or the driver is unknown; nothing is stored
     * @throws DuplicateCameraException when the id is taken
     */
    Camera add(CameraDefinition definition) throws InvalidCameraException, DuplicateCameraException;

    /**
     * Replaces a camera's definition. Secret config values that are absent keep their stored value.
     *
     * @throws UnknownCameraException when there is no such camera
     */
    Camera update(CameraDefinition definition) throws InvalidCameraException, UnknownCameraException;

    /**
     * Tries a camera definition without storing or changing anything: a session of its own is started, and its
     * first verdict (or none within the timeout) answered; then it is stopped. For a camera that exists, secret config
     * values that are absent are taken from the stored ones, as for {@link #update}. The legal basis is not checked:
     * a trial shows no images.
     *
     * @throws InvalidCameraException when a field is invalid or the driver is not installed
     * @since 1.4
     */
    ConnectionTest testConnection(CameraDefinition definition, Duration timeout) throws InvalidCameraException;

    /** Stops and deletes a camera. */
    void remove(String id) throws UnknownCameraException;

    /**
     * Pan, tilt and zoom of a running camera, when its driver offers them.
     *
     * @throws UnknownCameraException when there is no such camera
     * @since 1.3
     */
    Optional<PtzControl> ptz(String id) throws UnknownCameraException;
}
