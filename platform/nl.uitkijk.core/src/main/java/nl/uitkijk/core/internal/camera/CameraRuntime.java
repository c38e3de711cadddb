package nl.uitkijk.core.internal.camera;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured camera at runtime: its definition, the session of its driver (when the driver is installed) and
 * what that session reported. Each session gets its own context, which goes deaf once the session is stopped, so a
 * late report from a stopped session cannot overwrite the state of its successor.
 */
final class CameraRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRuntime.class);

    private final ScheduledExecutorService scheduler;
    private final Consumer<Camera> statusListener;
    private final BiFunction<String, String, Optional<Instant>> lastPacket;
    private final Consumer<String> sessionChanged;
    private final DeviceEvents deviceEvents;

    /** Where device events of a running session go (the registry posts them). */
    @FunctionalInterface
    interface DeviceEvents {
        void event(String cameraId, String type, boolean active, Map<String, String> details);
    }
    /** Guards status changes apart from the lifecycle lock, so a driver thread never waits on a stopping session. */
    private final Object statusLock = new Object();

    private volatile CameraDefinition definition;
    private volatile StatusInfo status;
    private volatile List<StreamProfile> streams = List.of();
    private volatile DeviceInfo device = DeviceInfo.NONE;
    private SessionContext context;
    private CameraSession session;

    /**
     * @param lastPacket when the media hub last received a packet of (camera, stream)
     * @param sessionChanged told the camera id after a session started or stopped
     */
    CameraRuntime(CameraDefinition definition, ScheduledExecutorService scheduler, Consumer<Camera> statusListener,
            BiFunction<String, String, Optional<Instant>> lastPacket, Consumer<String> sessionChanged,
            DeviceEvents deviceEvents) {
        this.deviceEvents = deviceEvents;
        this.definition = definition;
        this.sessionChanged = sessionChanged;
        this.lastPacket = lastPacket;
        this.scheduler = scheduler;
        this.statusListener = statusListener;
        this.status = driverMissing(definition.driver());
    }

    Camera snapshot() {
        return new Camera(definition, status, streams, device);
    }

    CameraDefinition definition() {
        return definition;
    }

    StatusInfo status() {
        return status;
    }

    synchronized boolean running() {
        return session != null;
    }

    synchronized CameraSession session() {
        return session;
    }

    /** Starts a session of the given driver; a driver that throws leaves the camera OFFLINE, never the caller. */
    synchronized void start(CameraDriver driver) {
        stop(null);
        SessionContext newContext = new SessionContext(definition);
        context = newContext;
        update(StatusInfo.unknown(), List.of(), DeviceInfo.NONE);
        try {
            session = driver.createSession(newContext);
            session.start();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Driver '{}' failed to start camera '{}'", definition.driver(), definition.id(), e);
            newContext.close();
            session = null;
            update(StatusInfo.offline("driver error: " + e), List.of(), DeviceInfo.NONE);
        }
        sessionChanged.accept(definition.id());
    }

    /**
     * Stops the session, if any.
     *
     * @param after the status to show afterwards, or {@code null} to leave it for the caller
     */
    synchronized void stop(StatusInfo after) {
        if (context != null) {
            context.close();
            context = null;
        }
        if (session != null) {
            CameraSession stopping = session;
            session = null;
            try {
                stopping.stop();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Driver '{}' failed to stop camera '{}'", definition.driver(), definition.id(), e);
            }
            sessionChanged.accept(definition.id());
        }
        if (after != null) {
            update(after, List.of(), DeviceInfo.NONE);
        }
    }

    /**
     * Applies a new definition: the running session is asked to reconfigure in place; otherwise the caller
     * restarts it.
     *
     * @return whether the session took the change without a restart
     */
    synchronized boolean redefine(CameraDefinition newDefinition) {
        boolean sameDriver = newDefinition.driver().equals(definition.driver());
        boolean sameConfig = newDefinition.config().equals(definition.config());
        definition = newDefinition;
        if (session == null || !sameDriver) {
            return false;
        }
        if (sameConfig) {
            return true;
        }
        try {
            if (session.reconfigure(newDefinition.config())) {
                context.config = newDefinition.config();
                return true;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Driver '{}' failed to reconfigure camera '{}'", definition.driver(), definition.id(), e);
        }
        return false;
    }

    static StatusInfo driverMissing(String driver) {
        return new StatusInfo(CameraStatus.DRIVER_MISSING, "driver '" + driver + "' is not installed", null);
    }

    private void update(StatusInfo newStatus, List<StreamProfile> newStreams, DeviceInfo newDevice) {
        streams = newStreams;
        device = newDevice;
        setStatus(newStatus);
    }

    private void setStatus(StatusInfo newStatus) {
        synchronized (statusLock) {
            StatusInfo old = status;
            status = newStatus;
            if (!newStatus.sameAs(old)) {
                statusListener.accept(snapshot());
            }
        }
    }

    /** The context of one session; reports stop counting once it is closed. */
    private final class SessionContext implements CameraContext {

        private final String cameraId;
        private volatile Map<String, Object> config;
        private volatile boolean closed;

        SessionContext(CameraDefinition definition) {
            this.cameraId = definition.id();
            this.config = definition.config();
        }

        void close() {
            synchronized (statusLock) {
                closed = true;
            }
        }

        @Override
        public String cameraId() {
            return cameraId;
        }

        @Override
        public Map<String, Object> config() {
            return config;
        }

        @Override
        public void reportStatus(StatusInfo newStatus) {
            if (newStatus == null || newStatus.status() == CameraStatus.DRIVER_MISSING) {
                return; // only the platform knows whether a driver is installed
            }
            synchronized (statusLock) {
                if (!closed) {
                    setStatus(newStatus);
                } else {
                    LOG.debug("Camera '{}': status {} of a stopped session ignored", cameraId, newStatus);
                }
            }
        }

        @Override
        public void reportStreams(List<StreamProfile> newStreams) {
            if (!closed && newStreams != null) {
                streams = List.copyOf(newStreams);
            }
        }

        @Override
        public void reportDevice(DeviceInfo newDevice) {
            if (!closed && newDevice != null) {
                device = newDevice;
            }
        }

        @Override
        public void reportEvent(String type, boolean active, Map<String, String> details) {
            if (!closed && type != null && !type.isBlank()) {
                deviceEvents.event(cameraId, type, active, details == null ? Map.of() : details);
            }
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return scheduler;
        }

        @Override
        public Optional<Instant> lastPacketReceived(String profile) {
            return closed ? Optional.empty() : lastPacket.apply(cameraId, profile);
        }
    }
}
