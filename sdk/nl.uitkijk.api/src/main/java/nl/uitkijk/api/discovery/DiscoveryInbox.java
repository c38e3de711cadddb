package nl.uitkijk.api.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.DuplicateCameraException;
import nl.uitkijk.api.camera.InvalidCameraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cameras found on the network by the discovery participants, waiting for an administrator: nothing is added to
 * the platform, and nothing found is contacted, without an explicit approval.
 *
 * @since 1.1
 */
@ProviderType
public interface DiscoveryInbox {

    /** A camera in the inbox, with the id to approve or dismiss it by. */
    record Entry(String id, DiscoveredCamera camera) {
    }

    List<Entry> entries();

    Optional<Entry> entry(String id);

    /** Asks every participant to look for cameras for at most {@code timeout}; @return the inbox afterwards */
    List<Entry> scan(Duration timeout);

    /**
     * Adds the camera: the proposed configuration, completed by the administrator's definition (id, name, location,
     * designation, credentials), which wins where both say something. The entry leaves the inbox.
     */
    Camera approve(String entryId, CameraDefinition definition)
            throws InvalidCameraException, DuplicateCameraException;

    /** Removes an entry without adding the camera. @return whether it existed */
    boolean dismiss(String entryId);
}
