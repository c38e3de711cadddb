package nl.uitkijk.driver.demo.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.MediaSource;
import nl.uitkijk.api.media.StreamProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo camera. The encoder is opened at start (a camera that cannot encode is OFFLINE with the reason); pictures
 * are rendered and encoded only while someone watches, so idle demo cameras cost no CPU.
 */
final class DemoCameraSession implements CameraSession, MediaSource {

    static final String PROFILE = "main";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCameraSession.class);

    private final CameraContext context;
    private final DemoSettings settings;
    private final List<MediaSink> sinks = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private SceneRenderer renderer;
    private H264Encoder encoder;
    private ScheduledFuture<?> opening;
    private ScheduledFuture<?> ticking;
    private boolean keyframeWanted = true;
    private boolean stopped;

    DemoCameraSession(CameraContext context, DemoSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public void start() {
        synchronized (lock) {
            opening = context.scheduler().schedule(this::open, 0, TimeUnit.MILLISECONDS);
        }
    }

    private void open() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                renderer = new SceneRenderer(settings.width(), settings.height(), settings.label(),
                        context.cameraId().hashCode());
                encoder = new H264Encoder(settings.width(), settings.height(), settings.fps());
                encoder.encode(renderer.render(Instant.now()), true, micros(Instant.now()));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Demo camera '{}' cannot encode", context.cameraId(), e);
                release();
                context.reportStatus(StatusInfo.offline("cannot encode H.264: " + e.getMessage()));
                return;
            }
            context.reportDevice(new DeviceInfo("Uitkijk", "Demo camera", "synthetic", context.cameraId()));
            context.reportStreams(List.of(new StreamProfile(PROFILE, null, "h264", settings.width(),
                    settings.height(), settings.fps())));
            context.reportStatus(StatusInfo.online("synthetic H.264 " + settings.width() + "x" + settings.height()
                    + " @ " + settings.fps() + " fps"));
            if (!sinks.isEmpty()) {
                startTicking();
            }
        }
    }

    @Override
    public Optional<MediaSource> mediaSource(String profileName) {
        return PROFILE.equals(profileName) ? Optional.of(this) : Optional.empty();
    }

    @Override
    public AutoCloseable subscribe(MediaSink sink) {
        synchronized (lock) {
            if (stopped) {
                sink.ended("camera stopped");
                return () -> { };
            }
            sink.format(new MediaFormat("h264", settings.width(), settings.height(), settings.fps(), null));
            sinks.add(sink);
            keyframeWanted = true;
            if (encoder != null && ticking == null) {
                startTicking();
            }
        }
        return () -> unsubscribe(sink);
    }

    private void unsubscribe(MediaSink sink) {
        synchronized (lock) {
            sinks.remove(sink);
            if (sinks.isEmpty() && ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
    }

    private void startTicking() {
        long period = 1_000_000L / settings.fps();
        ticking = context.scheduler().scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MICROSECONDS);
    }

    private void tick() {
        List<MediaPacket> packets;
        synchronized (lock) {
            if (stopped || encoder == null) {
                return;
            }
            try {
                Instant now = Instant.now();
                packets = encoder.encode(renderer.render(now), keyframeWanted, micros(now));
                keyframeWanted = false;
            } catch (RuntimeException e) {
                LOG.warn("Demo camera '{}' failed to encode a picture", context.cameraId(), e);
                return;
            }
        }
        for (MediaPacket packet : packets) {
            for (MediaSink sink : sinks) {
                try {
                    sink.packet(packet);
                } catch (RuntimeException e) {
                    // A consumer that fails is dropped; the others keep their stream.
                    LOG.warn("Dropping a media consumer of camera '{}': {}", context.cameraId(), e.toString());
                    unsubscribe(sink);
                }
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (opening != null) {
                opening.cancel(false);
            }
            if (ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
            for (MediaSink sink : sinks) {
                try {
                    sink.ended("camera stopped");
                } catch (RuntimeException e) {
                    LOG.debug("A media consumer failed on end", e);
                }
            }
            sinks.clear();
            release();
        }
    }

    private void release() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
        if (renderer != null) {
            renderer.close();
            renderer = null;
        }
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
