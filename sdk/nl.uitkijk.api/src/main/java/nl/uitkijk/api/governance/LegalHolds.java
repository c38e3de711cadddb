package nl.uitkijk.api.governance;

import java.util.List;
import java.util.Optional;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.recording.TimeRange;
import org.osgi.annotation.versioning.ProviderType;

/** The register of legal holds; every change is kept (a hold is released, never deleted). */
@ProviderType
public interface LegalHolds {

    /** Active holds of a camera. */
    List<LegalHold> active(String cameraId);

    /** All holds, active and released, newest first. */
    List<LegalHold> all();

    Optional<LegalHold> hold(long id);

    /**
     * Places a hold.
     *
     * @throws InvalidCameraException naming the field ({@link ConfigProblem}) when the reason or case number is
     *                                missing or the range is empty
     */
    LegalHold add(String cameraId, TimeRange range, String reason, String caseNumber, String user)
            throws InvalidCameraException;

    /** Releases an active hold; its footage then follows the normal retention. */
    LegalHold release(long id, String user) throws InvalidCameraException;
}
