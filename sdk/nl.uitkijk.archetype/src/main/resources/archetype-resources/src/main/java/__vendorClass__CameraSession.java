package ${package};

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.HttpCameraSession;
import nl.uitkijk.driver.base.XmlElement;

/**
 * One ${vendorClass} camera. Its check reads the camera's status document ({@value STATUS_PATH}; HTTP Digest, time
 * limits and the back-off are done by the driver base) and reports identity, stream and status. Replace the check's
 * calls by your camera's API; keep the rules: throw a {@link CameraCallException} with a reason an operator
 * understands instead of anything else, and never wait without a timeout. PTZ: {@code ptz(Optional.of(...))};
 * events: {@code context().reportEvent(...)}.
 */
final class ${vendorClass}CameraSession extends HttpCameraSession {

    static final String STATUS_PATH = "/api/status.xml";

    private final int rtspPort;

    ${vendorClass}CameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        super(context, workers, http, List.of(${vendorClass}CameraDriver.RTSP_PORT));
        this.rtspPort = setting(${vendorClass}CameraDriver.RTSP_PORT);
    }

    @Override
    protected void check() throws CameraCallException {
        XmlElement status = camera().get(STATUS_PATH).require("the status").xml("status document");
        XmlElement stream = status.child("stream").orElseThrow(() -> new CameraCallException(
                "the camera reports no stream"));
        int width = number(stream.textAt("width"));
        int height = number(stream.textAt("height"));
        String path = stream.textAt("path");
        if (width < 16 || height < 16 || width > 16_384 || height > 16_384 || !path.startsWith("/")) {
            throw new CameraCallException("the camera reports an impossible stream (" + width + "x" + height
                    + " at '" + path + "')");
        }
        URI uri = settings().rtsp(rtspPort, path);
        DeviceInfo device = new DeviceInfo(status.textAt("manufacturer"), status.textAt("model"),
                status.textAt("firmware"), status.textAt("serial"));
        mainStream(uri);
        context().reportDevice(device);
        context().reportStreams(List.of(new StreamProfile("main", uri, stream.textAt("codec"), width, height,
                number(stream.textAt("fps")))));
        context().reportStatus(StatusInfo.online("${vendorClass} " + device.model() + ", " + width + "x" + height));
    }

    private static int number(String text) throws CameraCallException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new CameraCallException("the camera reports '" + text + "' where a number belongs");
        }
    }
}
