package nl.uitkijk.driver.base;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.driver.base.CameraCheckLoop.Outcome;
import nl.uitkijk.driver.base.CameraCheckLoop.Timing;
import nl.uitkijk.driver.base.HttpCameraDriver.NumberSetting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common part of a session with a camera that has a web API. A subclass writes {@link #check()}: call the camera
 * through {@link #camera()}, report device, streams and ONLINE through {@link #context()}, name the stream the media
 * hub reads ({@link #mainStream(URI)}) and the PTZ control; throw a {@link CameraCallException} when the camera fails
 * and this class reports it OFFLINE with that reason and backs off ({@link CameraCheckLoop}). New credentials or a new
 * timeout are taken in place; another host, port or any of the driver's identity settings (RTSP port, channel) make
 * it another camera, and the platform restarts the session.
 */
public abstract class HttpCameraSession implements CameraSession {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCameraSession.class);

    private final CameraContext context;
    private final HttpClient http;
    private final List<NumberSetting> identity;
    /** The identity settings' values this session was started with. */
    private final List<Integer> identityValues;
    private final CameraCheckLoop loop;
    /** Replaced as a whole by an in-place reconfiguration. */
    private volatile HttpCameraSettings settings;
    private volatile CameraHttp camera;
    private volatile URI mainStream;
    private volatile Optional<PtzControl> ptz = Optional.empty();

    /**
     * @param identity the driver's settings that make it another camera when they change (e.g. the RTSP port)
     */
    protected HttpCameraSession(CameraContext context, ExecutorService workers, HttpClient http,
            List<NumberSetting> identity) {
        this.context = context;
        this.http = http;
        this.identity = List.copyOf(identity);
        this.identityValues = identity.stream().map(setting -> setting.of(context.config())).toList();
        this.settings = HttpCameraSettings.of(context.config());
        this.camera = settings.http(http);
        this.loop = new CameraCheckLoop(context, workers, Timing.standard(), this::checkOnce);
    }

    /**
     * One check of the camera, on a worker thread: report what the camera says and ONLINE.
     *
     * @throws CameraCallException the camera failed; its message becomes the OFFLINE reason
     */
    protected abstract void check() throws CameraCallException;

    /** The camera was found offline (e.g. stop reopening an event stream). */
    protected void wentOffline() {
    }

    /** The session stops: close what the subclass keeps open. */
    protected void stopping() {
    }

    @Override
    public final void start() {
        context.reportStatus(StatusInfo.unknown());
        loop.start();
    }

    private Outcome checkOnce() {
        try {
            check();
            return Outcome.HEALTHY;
        } catch (CameraCallException e) {
            LOG.debug("Camera '{}' at {}:{} is offline: {}", context.cameraId(), settings.host(), settings.port(),
                    e.getMessage());
            wentOffline();
            context.reportStatus(StatusInfo.offline(e.getMessage()));
            return e.refused() ? Outcome.REFUSED : Outcome.FAILED;
        }
    }

    protected final CameraContext context() {
        return context;
    }

    protected final HttpCameraSettings settings() {
        return settings;
    }

    /** The camera's web API with the current credentials. */
    protected final CameraHttp camera() {
        return camera;
    }

    /** The value of one of the driver's identity settings for this camera (fixed for the session). */
    protected final int setting(NumberSetting setting) {
        int index = identity.indexOf(setting);
        return index >= 0 ? identityValues.get(index) : setting.of(context.config());
    }

    /** The stream the media hub reads as {@code main}, without credentials (they are added for the hub only). */
    protected final void mainStream(URI stream) {
        mainStream = stream;
    }

    protected final void ptz(Optional<PtzControl> control) {
        ptz = control;
    }

    @Override
    public boolean reconfigure(Map<String, Object> newConfig) {
        HttpCameraSettings next = HttpCameraSettings.of(newConfig);
        HttpCameraSettings current = settings;
        boolean sameCamera = next.host().equals(current.host()) && next.port() == current.port()
                && identity.stream().map(setting -> setting.of(newConfig)).toList().equals(identityValues);
        if (!sameCamera) {
            return false;
        }
        settings = next;
        camera = next.http(http);
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
    public final void stop() {
        stopping();
        loop.stop();
    }
}
