package nl.uitkijk.api.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import nl.uitkijk.api.media.StreamProfile;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform gives a session: its camera's identity and configuration, a place to report status and
 * streams, and a scheduler for background work. Reporting methods may be called from any thread.
 */
@ProviderType
public interface CameraContext {

    String cameraId();

    /** The camera's driver configuration, secrets included (never log them). */
    Map<String, Object> config();

    void reportStatus(StatusInfo status);

    void reportStreams(List<StreamProfile> streams);

    void reportDevice(DeviceInfo device);

    /**
     * A scheduler shared by the camera sessions of the platform. Tasks must not block for long: use timeouts
     * on every network call. Cancel what you scheduled in {@link CameraSession#stop()}.
     */
    ScheduledExecutorService scheduler();

    /**
     * When the platform last received a packet of the named stream, or empty when it is not reading that stream.
     * A driver whose health check costs a connection can skip it while packets flow: the platform's own reading
     * is the better proof that the camera works.
     *
     * @since 1.2
     */
    default Optional<Instant> lastPacketReceived(String profile) {
        return Optional.empty();
    }

    /**
     * The device reported an event: motion, tamper, a digital input. The platform posts it on
     * {@code uitkijk/device/EVENT} (for the alarm queue) and, while {@code active}, on {@code uitkijk/camera/EVENT} so
     * that event-mode recording keeps the footage around it.
     *
     * @param type short kind, e.g. {@code motion}, {@code tamper}, {@code input}
     * @param active whether the condition holds (motion started) or ended
     * @param details what the device said, e.g. the ONVIF topic and rule; no secrets
     * @since 1.3
     */
    default void reportEvent(String type, boolean active, Map<String, String> details) {
    }
}
