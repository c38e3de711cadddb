package nl.uitkijk.api.camera;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Pan/tilt/zoom of one camera. Speeds are in -1..1 (0 = stand still). Methods return quickly; failures are
 * reported as {@link PtzException} with a reason an operator understands.
 */
@ConsumerType
public interface PtzControl {

    /** A stored position. */
    record Preset(String token, String name) {
    }

    void continuousMove(double pan, double tilt, double zoom) throws PtzException;

    void stop() throws PtzException;

    List<Preset> presets() throws PtzException;

    void gotoPreset(String token) throws PtzException;

    void gotoHome() throws PtzException;

    /** A PTZ command the camera refused or did not answer. */
    class PtzException extends Exception {
        private static final long serialVersionUID = 1L;

        public PtzException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
