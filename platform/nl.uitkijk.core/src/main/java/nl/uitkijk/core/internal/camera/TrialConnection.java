package nl.uitkijk.core.internal.camera;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.CameraStatus;
import nl.uitkijk.api.camera.ConnectionTest;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session started only to see whether a camera answers (the console's "test connection"): its context keeps what
 * the session reports to itself (no events, no status anywhere else), the first verdict ends the trial.
 */
final class TrialConnection implements CameraContext {

    private static final Logger LOG = LoggerFactory.getLogger(TrialConnection.class);

    private final CameraDefinition definition;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<StatusInfo> verdict = new CompletableFuture<>();
    private volatile List<StreamProfile> streams = List.of();
    private volatile DeviceInfo device;

    private TrialConnection(CameraDefinition definition, ScheduledExecutorService scheduler) {
        this.definition = definition;
        this.scheduler = scheduler;
    }

    static ConnectionTest run(CameraDriver driver, CameraDefinition definition, ScheduledExecutorService scheduler,
            Duration timeout) {
        TrialConnection trial = new TrialConnection(definition, scheduler);
        CameraSession session;
        try {
            session = driver.createSession(trial);
            session.start();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Driver '{}' failed to start a trial session", definition.driver(), e);
            return new ConnectionTest(StatusInfo.offline("the driver failed: " + e), null, List.of());
        }
        try {
            StatusInfo status = trial.verdict.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (status.status() == CameraStatus.ONLINE && trial.streams.isEmpty()) {
                // streams and device info often follow the status: give them a moment
                Thread.sleep(Math.min(1_000, timeout.toMillis()));
            }
            return new ConnectionTest(status, trial.device, trial.streams);
        } catch (TimeoutException e) {
            return new ConnectionTest(new StatusInfo(CameraStatus.UNKNOWN, "no answer within "
                    + timeout.toSeconds() + " s", null), trial.device, trial.streams);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionTest(StatusInfo.offline("interrupted"), null, List.of());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            try {
                session.stop();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Driver '{}' failed to stop a trial session", definition.driver(), e);
            }
        }
    }

    @Override
    public String cameraId() {
        return definition.id();
    }

    @Override
    public Map<String, Object> config() {
        return definition.config();
    }

    @Override
    public void reportStatus(StatusInfo status) {
        if (status != null && (status.status() == CameraStatus.ONLINE || status.status() == CameraStatus.OFFLINE)) {
            verdict.complete(status);
        }
    }

    @Override
    public void reportStreams(List<StreamProfile> newStreams) {
        if (newStreams != null) {
            streams = List.copyOf(newStreams);
        }
    }

    @Override
    public void reportDevice(DeviceInfo newDevice) {
        device = newDevice;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
