package nl.uitkijk.driver.rtsp.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.rtsp.internal.StreamProbe.ProbeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTSP camera: probes the stream in the background and again at intervals, so the status follows the camera.
 * Offline cameras are retried with a growing pause; probes run on the driver's own threads because they block for up
 * to the configured timeout.
 */
final class RtspCameraSession implements CameraSession {

    static final long ONLINE_RECHECK_SECONDS = 60;
    static final long FIRST_RETRY_SECONDS = 5;
    static final long MAX_RETRY_SECONDS = 60;
    /** A stream whose last packet is younger than this proves the camera online without a probe. */
    static final long STREAM_FRESH_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RtspCameraSession.class);

    private final CameraContext context;
    private final ExecutorService probes;
    private final Prober prober;
    private final RtspSettings settings;
    private final Object lock = new Object();
    private long retrySeconds = FIRST_RETRY_SECONDS;
    private Future<?> running;
    private ScheduledFuture<?> next;
    /** Only the probe thread touches it (probes of one session never overlap). */
    private boolean online;
    private boolean stopped;

    /** The probe, replaceable in unit tests. */
    @FunctionalInterface
    interface Prober {
        StreamProfile probe(RtspSettings settings) throws ProbeException;
    }

    RtspCameraSession(CameraContext context, ExecutorService probes, Prober prober) {
        this.context = context;
        this.probes = probes;
        this.prober = prober;
        this.settings = RtspSettings.of(context.config());
    }

    @Override
    public void start() {
        context.reportStatus(StatusInfo.unknown());
        submitProbe();
    }

    private void submitProbe() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                running = probes.submit(this::probe);
            } catch (RejectedExecutionException e) {
                // The driver is going away; its cameras are stopped next.
            }
        }
    }

    void probe() {
        long delay;
        if (online && streamFlowing()) {
            // The platform is reading the stream right now: a probe connection would only cost the camera and us.
            schedule(ONLINE_RECHECK_SECONDS);
            return;
        }
        try {
            StreamProfile profile = prober.probe(settings);
            context.reportStreams(List.of(profile));
            context.reportStatus(StatusInfo.online(profile.codec() + " " + profile.width() + "x" + profile.height()));
            delay = ONLINE_RECHECK_SECONDS;
            retrySeconds = FIRST_RETRY_SECONDS;
            online = true;
        } catch (ProbeException e) {
            LOG.debug("Camera '{}' ({}) is offline: {}", context.cameraId(), settings.url(), e.getMessage());
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            online = false;
            delay = retrySeconds;
            retrySeconds = Math.min(MAX_RETRY_SECONDS, retrySeconds * 2);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Camera '{}': the probe failed", context.cameraId(), e);
            context.reportStatus(StatusInfo.offline("probe failed: " + e));
            online = false;
            delay = MAX_RETRY_SECONDS;
        }
        schedule(delay);
    }

    private boolean streamFlowing() {
        return context.lastPacketReceived("main")
                .filter(last -> last.isAfter(Instant.now().minusSeconds(STREAM_FRESH_SECONDS))).isPresent();
    }

    private void schedule(long delay) {
        synchronized (lock) {
            if (!stopped) {
                next = context.scheduler().schedule(this::submitProbe, delay, TimeUnit.SECONDS);
            }
        }
    }

    /** The hub opens the stream with the credentials; the reported profile carries the URL without them. */
    @Override
    public Optional<URI> mediaUri(String profileName) {
        return "main".equals(profileName) ? Optional.of(URI.create(settings.connectUrl())) : Optional.empty();
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            if (running != null) {
                running.cancel(true);
            }
        }
    }
}
