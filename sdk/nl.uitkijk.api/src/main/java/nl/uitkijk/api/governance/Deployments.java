package nl.uitkijk.api.governance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.InvalidCameraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The deployments of mobile cameras. Each change is an audit entry.
 *
 * @since 1.3
 */
@ProviderType
public interface Deployments {

    /** All deployments, by start. */
    List<Deployment> all();

    Optional<Deployment> deployment(String id);

    /** The camera's deployments, by start. */
    List<Deployment> ofCamera(String cameraId);

    /** The camera's deployment in force at that moment, if any. */
    Optional<Deployment> active(String cameraId, Instant at);

    /**
     * Plans a deployment.
     *
     * @throws InvalidCameraException naming each field at fault: a missing camera, name or location, an unknown
     *                                designation, a place outside its area, a period outside the designation's or
     *                                overlapping another deployment of the camera, an end before the start
     */
    Deployment add(Deployment deployment, String user, String origin) throws InvalidCameraException;

    /** Ends or cancels a deployment: the camera stops if it was running under it. @return whether it existed */
    boolean cancel(String id, String user, String origin);
}
