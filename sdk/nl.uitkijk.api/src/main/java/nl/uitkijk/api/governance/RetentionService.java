package nl.uitkijk.api.governance;

import java.time.Duration;
import nl.uitkijk.api.camera.InvalidCameraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Deletes footage that the law no longer allows to keep (older than the camera's maximum age, at most
 * {@link Retention#LEGAL_MAXIMUM}) and, when storage runs short, the oldest footage first; never footage on a legal
 * hold. Runs periodically; administrators may run it at once.
 */
@ProviderType
public interface RetentionService {

    RetentionReport run();

    /** The maximum age of a camera's footage. */
    Duration maximumAge(String cameraId);

    /**
     * Sets a camera's own maximum age, or removes it ({@code null}: the platform's applies).
     *
     * @throws InvalidCameraException when longer than the law allows or not positive
     */
    void setMaximumAge(String cameraId, Duration maximumAge) throws InvalidCameraException;
}
