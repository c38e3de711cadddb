package nl.uitkijk.api.recording;

import nl.uitkijk.api.camera.InvalidCameraException;
import org.osgi.annotation.versioning.ProviderType;

/** The recording policy of each camera, kept by the platform; recorders follow it. */
@ProviderType
public interface RecordingPolicies {

    /** The camera's policy, {@link RecordingPolicy#DEFAULT} unless set. */
    RecordingPolicy policy(String cameraId);

    /** @throws InvalidCameraException naming the field when a duration is out of range */
    void set(String cameraId, RecordingPolicy policy) throws InvalidCameraException;
}
