package nl.uitkijk.api.camera;

import java.util.List;
import nl.uitkijk.api.media.StreamProfile;

/**
 * What a trial connection to a camera found ({@link CameraRegistry#testConnection}).
 *
 * @param status {@code ONLINE} when the camera answered as its driver expects; otherwise {@code OFFLINE} with the
 *            driver's reason (wrong password, no answer), or {@code UNKNOWN} when it said nothing in time
 * @param device what the camera told of itself, or null
 * @param streams the streams it offers (empty when unknown)
 * @since 1.4
 */
public record ConnectionTest(StatusInfo status, DeviceInfo device, List<StreamProfile> streams) {

    public ConnectionTest {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }
}
