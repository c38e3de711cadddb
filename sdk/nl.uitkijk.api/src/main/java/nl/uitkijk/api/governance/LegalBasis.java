package nl.uitkijk.api.governance;

import java.time.Instant;
import java.util.List;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.ConfigProblem;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether a camera may be used, from the designation (Gemeentewet art. 151c) it is bound to, or, for a
 * mobile camera, the deployment that places it now. The platform stops cameras that are not permitted (no
 * recording, no live view) and refuses their export.
 *
 * @since 1.3
 */
@ProviderType
public interface LegalBasis {

    /**
     * Whether the camera may record and be watched at the given moment: bound to a designation that is in force
     * then, and standing inside its area (a mobile camera: deployed then, at a place inside the deployment's
     * designation).
     */
    LegalStatus status(CameraDefinition camera, Instant at);

    /** {@link #status} and, in addition, within one of the designation's live-view windows. */
    LegalStatus liveView(CameraDefinition camera, Instant at);

    /**
     * What forbids storing a camera bound this way, naming the field: a designation that does not exist
     * ({@code designationId}), a location outside its area ({@code location}). Empty when the binding is sound
     * (the period is not checked here: a camera may be bound before its designation takes effect).
     */
    List<ConfigProblem> check(CameraDefinition camera);
}
