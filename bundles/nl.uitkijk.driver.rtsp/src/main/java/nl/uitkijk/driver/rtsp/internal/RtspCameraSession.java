package nl.uitkijk.driver.rtsp.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.base.CameraCheckLoop;
import nl.uitkijk.driver.base.CameraCheckLoop.Outcome;
import nl.uitkijk.driver.base.CameraCheckLoop.Timing;
import nl.uitkijk.driver.rtsp.internal.StreamProbe.ProbeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTSP camera: probes the stream in the background and again at intervals, so the status follows the camera.
 * Offline cameras are retried with a growing pause ({@link CameraCheckLoop}); probes run on the driver's own threads
 * because they block for up to the configured timeout.
 */
final class RtspCameraSession implements CameraSession {

    static final Timing TIMING = new Timing(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(60));
    /** A stream whose last packet is younger than this proves the camera online without a probe. */
    static final long STREAM_FRESH_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RtspCameraSession.class);

    private final CameraContext context;
    private final Prober prober;
    private final RtspSettings settings;
    private final CameraCheckLoop loop;
    /** Only the probe thread touches it (probes of one session never overlap). */
    private boolean online;

    /** The probe, replaceable in unit tests. */
    @FunctionalInterface
    interface Prober {
        StreamProfile probe(RtspSettings settings) throws ProbeException;
    }

    RtspCameraSession(CameraContext context, ExecutorService probes, Prober prober) {
        this.context = context;
        this.prober = prober;
        this.settings = RtspSettings.of(context.config());
        this.loop = new CameraCheckLoop(context, probes, TIMING, this::probe);
    }

    @Override
    public void start() {
        context.reportStatus(StatusInfo.unknown());
        loop.start();
    }

    Outcome probe() {
        if (online && streamFlowing()) {
            // The platform is reading the stream right now: a probe connection would only cost the camera and us.
            return Outcome.HEALTHY;
        }
        try {
            StreamProfile profile = prober.probe(settings);
            List<StreamProfile> streams = new java.util.ArrayList<>(List.of(profile));
            RtspSettings sub = settings.sub();
            if (sub != null) {
                try {
                    StreamProfile second = prober.probe(sub);
                    streams.add(new StreamProfile("sub", second.uri(), second.codec(), second.width(),
                            second.height(), second.fps()));
                } catch (ProbeException e) {
                    // the main stream is what matters; the wall and analytics fall back to it
                    LOG.info("Camera '{}': its sub-stream ({}) does not answer: {}", context.cameraId(),
                            sub.url(), e.getMessage());
                }
            }
            context.reportStreams(List.copyOf(streams));
            context.reportStatus(StatusInfo.online(profile.codec() + " " + profile.width() + "x" + profile.height()));
            online = true;
            return Outcome.HEALTHY;
        } catch (ProbeException e) {
            LOG.debug("Camera '{}' ({}) is offline: {}", context.cameraId(), settings.url(), e.getMessage());
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            online = false;
            return Outcome.FAILED;
        } catch (RuntimeException | LinkageError e) {
            online = false;
            throw e;
        }
    }

    private boolean streamFlowing() {
        return context.lastPacketReceived("main")
                .filter(last -> last.isAfter(Instant.now().minusSeconds(STREAM_FRESH_SECONDS))).isPresent();
    }

    /** The hub opens the stream with the credentials; the reported profile carries the URL without them. */
    @Override
    public Optional<URI> mediaUri(String profileName) {
        if ("sub".equals(profileName) && settings.sub() != null) {
            return Optional.of(URI.create(settings.sub().connectUrl()));
        }
        return "main".equals(profileName) ? Optional.of(URI.create(settings.connectUrl())) : Optional.empty();
    }

    @Override
    public void stop() {
        loop.stop();
    }
}
