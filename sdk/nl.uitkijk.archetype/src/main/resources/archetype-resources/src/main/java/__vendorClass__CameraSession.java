package ${package};

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraCheckLoop;
import nl.uitkijk.driver.base.CameraCheckLoop.Outcome;
import nl.uitkijk.driver.base.CameraCheckLoop.Timing;
import nl.uitkijk.driver.base.CameraHttp;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.base.XmlElement;

/**
 * One ${vendorClass} camera. Its check reads the camera's status document ({@value STATUS_PATH}, HTTP Digest done by
 * {@link CameraHttp}) and reports identity, stream and status; {@link CameraCheckLoop} repeats it every minute and
 * backs off while the camera fails. Replace the check's calls by your camera's API; keep the rules: report OFFLINE
 * with a reason instead of throwing, and never wait without a timeout.
 */
final class ${vendorClass}CameraSession implements CameraSession {

    static final String STATUS_PATH = "/api/status.xml";

    private final CameraContext context;
    private final HttpClient http;
    private final int rtspPort;
    private final CameraCheckLoop loop;
    /** Replaced as a whole by an in-place reconfiguration (credentials, timeout). */
    private volatile HttpCameraSettings settings;
    private volatile CameraHttp camera;
    private volatile URI mainStream;

    ${vendorClass}CameraSession(CameraContext context, ExecutorService workers, HttpClient http) {
        this.context = context;
        this.http = http;
        this.settings = HttpCameraSettings.of(context.config());
        this.rtspPort = ${vendorClass}CameraDriver.RTSP_PORT.of(context.config());
        this.camera = settings.http(http);
        this.loop = new CameraCheckLoop(context, workers, Timing.standard(), this::check);
    }

    @Override
    public void start() {
        context.reportStatus(StatusInfo.unknown());
        loop.start();
    }

    Outcome check() {
        try {
            XmlElement status = camera.get(STATUS_PATH).require("the status").xml("status document");
            XmlElement stream = status.child("stream").orElseThrow(() -> new CameraCallException(
                    "the camera reports no stream"));
            int width = number(stream.textAt("width"));
            int height = number(stream.textAt("height"));
            String path = stream.textAt("path");
            if (width < 16 || height < 16 || width > 16_384 || height > 16_384 || !path.startsWith("/")) {
                throw new CameraCallException("the camera reports an impossible stream (" + width + "x" + height
                        + " at '" + path + "')");
            }
            URI uri = settings.rtsp(rtspPort, path);
            DeviceInfo device = new DeviceInfo(status.textAt("manufacturer"), status.textAt("model"),
                    status.textAt("firmware"), status.textAt("serial"));
            mainStream = uri;
            context.reportDevice(device);
            context.reportStreams(List.of(new StreamProfile("main", uri, stream.textAt("codec"), width, height,
                    number(stream.textAt("fps")))));
            context.reportStatus(StatusInfo.online("${vendorClass} " + device.model() + ", " + width + "x" + height));
            return Outcome.HEALTHY;
        } catch (CameraCallException e) {
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            return e.refused() ? Outcome.REFUSED : Outcome.FAILED;
        }
    }

    private static int number(String text) throws CameraCallException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new CameraCallException("the camera reports '" + text + "' where a number belongs");
        }
    }

    /** New credentials or timeout in place; another address is another camera (the platform restarts). */
    @Override
    public boolean reconfigure(Map<String, Object> newConfig) {
        HttpCameraSettings next = HttpCameraSettings.of(newConfig);
        if (!next.host().equals(settings.host()) || next.port() != settings.port()
                || ${vendorClass}CameraDriver.RTSP_PORT.of(newConfig) != rtspPort) {
            return false;
        }
        settings = next;
        camera = next.http(http);
        return true;
    }

    /** The stream with the credentials, for the platform's media hub only (it never shows them). */
    @Override
    public Optional<URI> mediaUri(String profileName) {
        URI stream = mainStream;
        return "main".equals(profileName) && stream != null ? Optional.of(settings.withCredentials(stream))
                : Optional.empty();
    }

    @Override
    public void stop() {
        loop.stop();
    }
}
