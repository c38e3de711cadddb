package nl.uitkijk.api.camera;

import java.util.List;
import nl.uitkijk.api.media.StreamProfile;

/**
 * A camera as the platform knows it at this moment: its definition and what its session reported.
 *
 * @param definition what is configured
 * @param status current status
 * @param streams stream profiles the session reported (empty until it did)
 * @param device what the device says about itself
 */
public record Camera(CameraDefinition definition, StatusInfo status, List<StreamProfile> streams, DeviceInfo device) {

    public Camera {
        streams = streams == null ? List.of() : List.copyOf(streams);
        device = device == null ? DeviceInfo.NONE : device;
    }

    public String id() {
        return definition.id();
    }
}
