package nl.uitkijk.driver.hikvision.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
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
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraCheckLoop;
import nl.uitkijk.driver.base.CameraCheckLoop.Outcome;
import nl.uitkijk.driver.base.CameraCheckLoop.Timing;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.base.KeptOpen;
import nl.uitkijk.driver.hikvision.internal.Isapi.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hikvision camera: reads its identity and channels over ISAPI, reports the main and sub stream, offers PTZ when
 * the camera has it and keeps the alert stream open while the camera is online.
 */
final class HikvisionCameraSession implements CameraSession {

    static final Duration REOPEN_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(HikvisionCameraSession.class);

    private final CameraContext context;
    private final HttpClient http;
    private final int rtspPort;
    private final int input;
    private final CameraCheckLoop loop;
    private final KeptOpen alertStream;
    /** Replaced as a whole by an in-place reconfiguration (credentials, timeout). */
    private volatile HttpCameraSettings settings;
    private volatile Isapi isapi;
    private volatile URI mainStream;
    private volatile Optional<PtzControl> ptz = Optional.empty();

    HikvisionCameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        this.context = context;
        this.http = http;
        this.settings = HttpCameraSettings.of(context.config());
        this.rtspPort = HikvisionCameraDriver.RTSP_PORT.of(context.config());
        this.input = HikvisionCameraDriver.CHANNEL.of(context.config());
        this.isapi = new Isapi(settings.http(http));
        this.loop = new CameraCheckLoop(context, workers, Timing.standard(), this::check);
        AlertStream alerts = new AlertStream(context, input, Clock.systemUTC());
        this.alertStream = new KeptOpen(context, "alert stream", REOPEN_AFTER, () -> isapi.http().stream(
                "/ISAPI/Event/notification/alertStream", AlertStream.MAX_ALERT_BYTES, alerts::line));
    }

    @Override
    public void start() {
        context.reportStatus(StatusInfo.unknown());
        loop.start();
    }

    Outcome check() {
        try {
            DeviceInfo device = isapi.deviceInfo();
            List<Channel> channels = isapi.channels(input);
            List<StreamProfile> streams = new ArrayList<>();
            for (Channel channel : channels) {
                String name = streams.isEmpty() ? "main" : streams.size() == 1 ? "sub" : "channel-" + channel.id();
                // The RTSP path is the channel's id by Hikvision's convention; ISAPI does not report it.
                URI uri = settings.rtsp(rtspPort, "/Streaming/Channels/" + channel.id());
                if (streams.isEmpty()) {
                    mainStream = uri;
                }
                streams.add(new StreamProfile(name, uri, channel.codec(), channel.width(), channel.height(),
                        channel.fps()));
            }
            ptz = isapi.hasPtz(input) ? Optional.of(new IsapiPtz(isapi.http(), input)) : Optional.empty();
            context.reportDevice(device);
            context.reportStreams(streams);
            alertStream.online();
            Channel main = channels.get(0);
            context.reportStatus(StatusInfo.online("Hikvision " + (device.model() == null ? "camera" : device.model())
                    + ", " + main.codec() + " " + main.width() + "x" + main.height() + (ptz.isPresent() ? ", PTZ" : "")));
            return Outcome.HEALTHY;
        } catch (CameraCallException e) {
            alertStream.offline();
            LOG.debug("Hikvision camera '{}' at {}:{} is offline: {}", context.cameraId(), settings.host(),
                    settings.port(), e.getMessage());
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            return e.refused() ? Outcome.REFUSED : Outcome.FAILED;
        }
    }

    /**
     * New credentials or timeout are taken in place: the stream the hub reads and the open alert stream stay (both
     * were authenticated when opened); the next check uses the new settings. Another address, port or channel is
     * another camera: the platform restarts the session.
     */
    @Override
    public boolean reconfigure(Map<String, Object> newConfig) {
        HttpCameraSettings next = HttpCameraSettings.of(newConfig);
        HttpCameraSettings current = settings;
        if (!next.host().equals(current.host()) || next.port() != current.port()
                || HikvisionCameraDriver.RTSP_PORT.of(newConfig) != rtspPort
                || HikvisionCameraDriver.CHANNEL.of(newConfig) != input) {
            return false;
        }
        settings = next;
        isapi = new Isapi(next.http(http));
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
        alertStream.close();
        loop.stop();
    }
}
