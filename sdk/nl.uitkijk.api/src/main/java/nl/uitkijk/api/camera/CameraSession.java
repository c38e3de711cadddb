package nl.uitkijk.api.camera;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.media.MediaSource;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The driver's live connection to one camera.
 *
 * <p>{@link #start()} returns at once and connects in the background, reporting through the
 * {@link CameraContext}: first {@code UNKNOWN}, then {@code ONLINE} or {@code OFFLINE} with a reason. A failure
 * of the camera is a status, never an exception out of the session.
 */
@ConsumerType
public interface CameraSession {

    void start();

    /** Stops all background work; after it returns the session reports nothing more. */
    void stop();

    /**
     * Applies a new configuration without dropping the stream where the driver can.
     *
     * @return {@code true} if applied; {@code false} if the platform must stop this session and start a new one
     */
    default boolean reconfigure(Map<String, Object> newConfig) {
        return false;
    }

    /**
     * An in-process source of packets for a stream profile, for cameras whose media is not reached by a URI
     * (e.g. synthetic or vendor-SDK cameras). Cameras with a stream URI return empty: the platform's media hub
     * opens the URI itself, once, for all consumers.
     */
    default Optional<MediaSource> mediaSource(String profileName) {
        return Optional.empty();
    }

    /**
     * The URI the platform's media hub opens for a stream profile, with the credentials it needs. Only the hub calls
     * it; the URI is never shown or logged. The default, empty, makes the hub open the URI of the reported profile.
     *
     * @since 1.1
     */
    default Optional<URI> mediaUri(String profileName) {
        return Optional.empty();
    }

    /** Pan/tilt/zoom control, where the camera has it. */
    default Optional<PtzControl> ptz() {
        return Optional.empty();
    }
}
