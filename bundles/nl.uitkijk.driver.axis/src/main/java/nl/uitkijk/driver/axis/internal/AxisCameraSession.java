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
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.axis.internal.Vapix.Size;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.HttpCameraSession;
import nl.uitkijk.driver.base.KeptOpen;

/**
 * One Axis camera: reads brand, firmware, serial, resolutions and PTZ from VAPIX parameters, reports a main stream
 * (largest H.264 size) and a sub stream (about 640 wide) as {@code axis-media/media.amp} addresses, and keeps the
 * event stream open while the camera is online.
 */
final class AxisCameraSession extends HttpCameraSession {

    static final Duration REOPEN_AFTER = Duration.ofSeconds(5);

    private final int rtspPort;
    private final int source;
    private final KeptOpen eventStream;

    AxisCameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        super(context, workers, http, List.of(AxisCameraDriver.RTSP_PORT, AxisCameraDriver.CAMERA));
        this.rtspPort = setting(AxisCameraDriver.RTSP_PORT);
        this.source = setting(AxisCameraDriver.CAMERA);
        this.eventStream = new KeptOpen(context, "event stream", REOPEN_AFTER,
                () -> new AxisEvents(context, http, camera()).open());
    }

    @Override
    protected void check() throws CameraCallException {
        Vapix vapix = new Vapix(camera());
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
        URI mainUri = stream(main);
        streams.add(new StreamProfile("main", mainUri, "h264", main.width(), main.height(), 0));
        if (!sub.equals(main)) {
            streams.add(new StreamProfile("sub", stream(sub), "h264", sub.width(), sub.height(), 0));
        }
        mainStream(mainUri);
        boolean hasPtz = "yes".equalsIgnoreCase(parameters.get("root.Properties.PTZ.PTZ"));
        ptz(hasPtz ? Optional.of(new VapixPtz(camera(), source)) : Optional.empty());
        context().reportDevice(device);
        context().reportStreams(streams);
        eventStream.online();
        context().reportStatus(StatusInfo.online("Axis " + (device.model() == null ? "camera" : device.model())
                + ", h264 " + main + (hasPtz ? ", PTZ" : "")));
    }

    private URI stream(Size size) {
        return settings().rtsp(rtspPort, "/axis-media/media.amp?videocodec=h264&resolution=" + size
                + (source == 1 ? "" : "&camera=" + source));
    }

    @Override
    protected void wentOffline() {
        eventStream.offline();
    }

    @Override
    protected void stopping() {
        eventStream.close();
    }
}
