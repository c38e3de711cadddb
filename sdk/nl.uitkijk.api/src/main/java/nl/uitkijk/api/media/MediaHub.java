package nl.uitkijk.api.media;

import java.util.Optional;
import nl.uitkijk.api.camera.UnknownCameraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's single point of access to camera streams: one connection per camera stream, however many
 * consumers (recorder, live viewers, analytics, hand-overs). Packets are passed on as they arrive, never decoded.
 * Each subscriber has its own bounded queue, so a slow consumer never holds up the others.
 */
@ProviderType
public interface MediaHub {

    /** What a subscriber may lose when it cannot keep up. */
    enum Delivery {
        /**
         * Live viewing: when the subscriber falls behind, packets are dropped up to the next keyframe, so it
         * catches up with the present.
         */
        LIVE,
        /**
         * Recording: a deep queue and no dropping; a subscriber that stays stuck longer than the queue holds is
         * ended with a reason (never allowed to stall the stream for the others).
         */
        LOSSLESS
    }

    /**
     * Subscribes to a camera stream; the connection to the camera is opened with the first subscriber and closed
     * with the last. The sink first gets {@link MediaSink#format}, then packets starting at a keyframe. When the
     * camera drops out the hub reconnects by itself and sends the format again; the sink is ended only when this
     * subscription is closed or cannot be served.
     *
     * @param profile the stream profile name, e.g. {@code main}
     * @return closing it ends this subscription
     */
    AutoCloseable subscribe(String cameraId, String profile, Delivery delivery, MediaSink sink)
            throws UnknownCameraException;

    /** The counters of a camera's stream while it has subscribers. */
    Optional<StreamStats> stats(String cameraId, String profile);
}
