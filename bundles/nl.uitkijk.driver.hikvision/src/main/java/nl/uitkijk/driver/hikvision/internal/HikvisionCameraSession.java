package nl.uitkijk.driver.hikvision.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.HttpCameraSession;
import nl.uitkijk.driver.base.KeptOpen;
import nl.uitkijk.driver.hikvision.internal.Isapi.Channel;

/**
 * One Hikvision camera: reads its identity and channels over ISAPI, reports the main and sub stream, offers PTZ when
 * the camera has it and keeps the alert stream open while the camera is online.
 */
final class HikvisionCameraSession extends HttpCameraSession {

    static final Duration REOPEN_AFTER = Duration.ofSeconds(5);

    private final int rtspPort;
    private final int input;
    private final KeptOpen alertStream;

    HikvisionCameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        super(context, workers, http, List.of(HikvisionCameraDriver.RTSP_PORT, HikvisionCameraDriver.CHANNEL));
        this.rtspPort = setting(HikvisionCameraDriver.RTSP_PORT);
        this.input = setting(HikvisionCameraDriver.CHANNEL);
        AlertStream alerts = new AlertStream(context, input, Clock.systemUTC());
        this.alertStream = new KeptOpen(context, "alert stream", REOPEN_AFTER, () -> camera().stream(
                "/ISAPI/Event/notification/alertStream", AlertStream.MAX_ALERT_BYTES, alerts::line));
    }

    @Override
    protected void check() throws CameraCallException {
        Isapi isapi = new Isapi(camera());
        DeviceInfo device = isapi.deviceInfo();
        List<Channel> channels = isapi.channels(input);
        List<StreamProfile> streams = new ArrayList<>();
        for (Channel channel : channels) {
            String name = streams.isEmpty() ? "main" : streams.size() == 1 ? "sub" : "channel-" + channel.id();
            // The RTSP path is the channel's id by Hikvision's convention; ISAPI does not report it.
            URI uri = settings().rtsp(rtspPort, "/Streaming/Channels/" + channel.id());
            if (streams.isEmpty()) {
                mainStream(uri);
            }
            streams.add(new StreamProfile(name, uri, channel.codec(), channel.width(), channel.height(),
                    channel.fps()));
        }
        boolean hasPtz = isapi.hasPtz(input);
        ptz(hasPtz ? Optional.of(new IsapiPtz(camera(), input)) : Optional.empty());
        context().reportDevice(device);
        context().reportStreams(streams);
        alertStream.online();
        Channel main = channels.get(0);
        context().reportStatus(StatusInfo.online("Hikvision " + (device.model() == null ? "camera" : device.model())
                + ", " + main.codec() + " " + main.width() + "x" + main.height() + (hasPtz ? ", PTZ" : "")));
    }

    @Override
    protected void wentOffline() {
        alertStream.offline();
    }

    @Override
    protected void stopping() {
        alertStream.close();
    }
}
