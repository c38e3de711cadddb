package nl.uitkijk.driver.axis.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.axis.internal.Vapix.Size;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraCheckLoop;
import nl.uitkijk.driver.base.CameraCheckLoop.Outcome;
import nl.uitkijk.driver.base.CameraCheckLoop.Timing;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.base.KeptOpen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Axis camera: reads brand, firmware, serial, resolutions and PTZ from VAPIX parameters, reports a main stream
 * (largest H.264 size) and a sub stream (about 640 wide) as {@code axis-media/media.amp} addresses, and keeps the
 * event stream open while the camera is online.
 */
final class AxisCameraSession implements CameraSession {

    static final Duration REOPEN_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(AxisCameraSession.class);

    private final CameraContext context;
    private final HttpClient http;
    private final int rtspPort;
    private final int camera;
    private final CameraCheckLoop loop;
    private final KeptOpen eventStream;
    private volatile HttpCameraSettings settings;
    private volatile Vapix vapix;
    private volatile URI mainStream;
    private volatile Optional<PtzControl> ptz = Optional.empty();

    AxisCameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        this.context = context;
        this.http = http;
        this.settings = HttpCameraSettings.of(context.config());
        this.rtspPort = AxisCameraDriver.RTSP_PORT.of(context.config());
        this.camera = AxisCameraDriver.CAMERA.of(context.config());
        this.vapix = new Vapix(settings.http(http));
        this.loop = new CameraCheckLoop(context, workers, Timing.standard(), this::check);
        this.eventStream = new KeptOpen(context, "event stream", REOPEN_AFTER,
                () -> new AxisEvents(context, http, vapix.http()).open());
    }

    @Override
    public void start() {
        context.reportStatus(StatusInfo.unknown());
        loop.start();
    }

    Outcome check() {
        try {
            Map<String, String> parameters = vapix.parameters("root.Brand", "root.Properties", "root.ImageSource");
            DeviceInfo device = Vapix.device(parameters);
            List<Size> sizes = Vapix.sizes(parameters);
            if (!Vapix.offers(parameters, "h264") || sizes.isEmpty()) {
                throw new CameraCallException("the camera offers no H.264 stream (formats: "
                        + parameters.getOrDefault("root.Properties.Image.Format", "none") + ")");
            }
            Size main = sizes.get(0);
            Size sub = sizes.stream().filter(size -> size.width() <= 640).findFirst().orElse(sizes.get(sizes.size() - 1));
            List<StreamProfile> streams = new ArrayList<>();
            mainStream = stream(main);
            streams.add(new StreamProfile("main", mainStream, "h264", main.width(), main.height(), 0));
            if (!sub.equals(main)) {
                streams.add(new StreamProfile("sub", stream(sub), "h264", sub.width(), sub.height(), 0));
            }
            boolean hasPtz = "yes".equalsIgnoreCase(parameters.get("root.Properties.PTZ.PTZ"));
            ptz = hasPtz ? Optional.of(new VapixPtz(vapix.http(), camera)) : Optional.empty();
            context.reportDevice(device);
            context.reportStreams(streams);
            eventStream.online();
            context.reportStatus(StatusInfo.online("Axis " + (device.model() == null ? "camera" : device.model())
                    + ", h264 " + main + (hasPtz ? ", PTZ" : "")));
            return Outcome.HEALTHY;
        } catch (CameraCallException e) {
            eventStream.offline();
            LOG.debug("Axis camera '{}' at {}:{} is offline: {}", context.cameraId(), settings.host(),
                    settings.port(), e.getMessage());
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            return e.refused() ? Outcome.REFUSED : Outcome.FAILED;
        }
    }

    private URI stream(Size size) {
        return settings.rtsp(rtspPort, "/axis-media/media.amp?videocodec=h264&resolution=" + size
                + (camera == 1 ? "" : "&camera=" + camera));
    }

    /** New credentials or timeout in place (the streams stay); another address or camera number is a restart. */
    @Override
    public boolean reconfigure(Map<String, Object> newConfig) {
        HttpCameraSettings next = HttpCameraSettings.of(newConfig);
        HttpCameraSettings current = settings;
        if (!next.host().equals(current.host()) || next.port() != current.port()
                || AxisCameraDriver.RTSP_PORT.of(newConfig) != rtspPort
                || AxisCameraDriver.CAMERA.of(newConfig) != camera) {
            return false;
        }
        settings = next;
        vapix = new Vapix(next.http(http));
        return true;
    }

    @Override
    public Optional<URI> mediaUri(String profileName) {
        URI stream = mainStream;
        return "main".equals(profileName) && stream != null ? Optional.of(settings.withCredentials(stream))
                : Optional.empty();
    }

    @Override
    public Optional<PtzControl> ptz() {
        return ptz;
    }

    @Override
    public void stop() {
        eventStream.close();
        loop.stop();
    }
}
