package nl.uitkijk.driver.hikvision.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
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
import nl.uitkijk.driver.base.LineStream;
import nl.uitkijk.driver.hikvision.internal.Isapi.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hikvision camera: reads its identity and channels over ISAPI, reports the main and sub stream, offers PTZ when
 * the camera has it and keeps the alert stream open while the camera is online.
 */
final class HikvisionCameraSession implements CameraSession {

    static final long REOPEN_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(HikvisionCameraSession.class);

    private final CameraContext context;
    private final HttpClient http;
    private final int rtspPort;
    private final int input;
    /** Replaced as a whole by an in-place reconfiguration (credentials, timeout). */
    private volatile HttpCameraSettings settings;
    private volatile Isapi isapi;
    private final CameraCheckLoop loop;
    private final AlertStream alerts;
    private final Object lock = new Object();
    private volatile URI mainStream;
    private volatile boolean online;
    private volatile Optional<PtzControl> ptz = Optional.empty();
    private LineStream events;
    private boolean stopped;

    HikvisionCameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        this.context = context;
        this.http = http;
        this.settings = HttpCameraSettings.of(context.config());
        this.rtspPort = HttpCameraSettings.number(context.config(), HikvisionCameraDriver.RTSP_PORT, 554);
        this.input = HttpCameraSettings.number(context.config(), HikvisionCameraDriver.CHANNEL, 1);
        this.isapi = new Isapi(settings.http(http));
        this.loop = new CameraCheckLoop(context, workers, Timing.standard(), this::check);
        this.alerts = new AlertStream(context, input, Clock.systemUTC());
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
            listen();
            Channel main = channels.get(0);
            context.reportStatus(StatusInfo.online("Hikvision " + (device.model() == null ? "camera" : device.model())
                    + ", " + main.codec() + " " + main.width() + "x" + main.height() + (ptz.isPresent() ? ", PTZ" : "")));
            online = true;
            return Outcome.HEALTHY;
        } catch (CameraCallException e) {
            online = false;
            LOG.debug("Hikvision camera '{}' at {}:{} is offline: {}", context.cameraId(), settings.host(),
                    settings.port(), e.getMessage());
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            return e.refused() ? Outcome.REFUSED : Outcome.FAILED;
        }
    }

    /** Opens the alert stream unless it is open; reopens it a few seconds after the camera ends it. */
    private void listen() {
        synchronized (lock) {
            if (stopped || events != null) {
                return;
            }
            LineStream stream = isapi.http().stream("/ISAPI/Event/notification/alertStream",
                    AlertStream.MAX_ALERT_BYTES, alerts::line);
            events = stream;
            stream.ended().whenComplete((status, error) -> {
                if (error != null) {
                    LOG.debug("Hikvision camera '{}': the alert stream ended: {}", context.cameraId(),
                            error.getMessage());
                }
                synchronized (lock) {
                    if (events == stream) {
                        events = null;
                    }
                    if (!stopped) {
                        context.scheduler().schedule(this::reopen, REOPEN_SECONDS, TimeUnit.SECONDS);
                    }
                }
            });
        }
    }

    private void reopen() {
        // only while the last check found the camera online; otherwise the next check opens it
        if (online) {
            listen();
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
                || HttpCameraSettings.number(newConfig, HikvisionCameraDriver.RTSP_PORT, 554) != rtspPort
                || HttpCameraSettings.number(newConfig, HikvisionCameraDriver.CHANNEL, 1) != input) {
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
        LineStream open;
        synchronized (lock) {
            stopped = true;
            open = events;
            events = null;
        }
        if (open != null) {
            open.close();
        }
        loop.stop();
    }
}
