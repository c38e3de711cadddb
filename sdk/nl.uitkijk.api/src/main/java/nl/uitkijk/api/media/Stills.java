package nl.uitkijk.api.media;

import nl.uitkijk.api.camera.UnknownCameraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * JPEG stills of a camera's live picture (a service), for a viewer that cannot play the camera's codec: the
 * snapshot fallback of the web console. One still per keyframe the camera sends (typically every one to two
 * seconds): a keyframe decodes on its own, so a lost packet never spoils a still and decoding costs little. Many
 * subscribers of one camera and size share one hub subscription and one decode per keyframe.
 */
@ProviderType
public interface Stills {

    /** The largest width asked for; wider pictures are scaled down. */
    int MAX_WIDTH = 1920;

    /**
     * Subscribes to stills of a camera stream.
     *
     * @param maxWidth the widest still wanted (pictures keep their aspect ratio), 160 to {@value #MAX_WIDTH}
     * @return closing it ends this subscription
     */
    AutoCloseable subscribe(String cameraId, String profile, int maxWidth, StillSink sink)
            throws UnknownCameraException;
}
