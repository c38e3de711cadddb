package nl.uitkijk.driver.onvif.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.driver.base.HttpCameraSession;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.onvif.internal.OnvifDevice.Profile;
import nl.uitkijk.driver.onvif.internal.OnvifDevice.Services;

/**
 * One ONVIF camera: learns its clock, identity, services, profiles and stream addresses in the background, reports
 * them, and checks the camera again at intervals (the clock too: it drifts). Every failure becomes OFFLINE with a
 * reason; nothing escapes to the platform and no thread waits longer than the configured timeout.
 */
final class OnvifCameraSession extends HttpCameraSession {

    private final OnvifDevice device;
    private final Object lock = new Object();
    private boolean stopped;
    private OnvifEvents events;

    OnvifCameraSession(CameraContext context, ExecutorService workers, HttpClient http, Clock clock) {
        super(context, workers, http, List.of());
        HttpCameraSettings settings = settings();
        this.device = new OnvifDevice(settings, new SoapClient(http, Duration.ofSeconds(settings.timeoutSeconds()),
                settings.username(), settings.password(), clock));
    }

    @Override
    protected void check() throws OnvifException {
        Duration offset = device.synchronizeClock();
        var info = device.deviceInformation();
        Services services = device.services();
        List<Profile> profiles = device.profiles(services);
        List<StreamProfile> streams = new ArrayList<>();
        Profile main = profiles.stream().filter(p -> p.encoding().equalsIgnoreCase("H264")).findFirst()
                .orElse(profiles.get(0));
        for (Profile profile : profiles) {
            String name = profile == main ? "main" : streams.size() == 1 ? "sub" : profile.token();
            URI uri = device.streamUri(services, profile.token());
            if (profile == main) {
                mainStream(uri);
            }
            streams.add(new StreamProfile(name, uri, profile.encoding().toLowerCase(Locale.ROOT),
                    profile.width(), profile.height(), profile.fps()));
        }
        Optional<PtzControl> ptz = services.ptz().filter(service -> main.ptz())
                .map(service -> new OnvifPtz(device.soap(), service, main.token()));
        ptz(ptz);
        context().reportDevice(info);
        context().reportStreams(streams);
        services.events().ifPresent(this::listen);
        context().reportStatus(StatusInfo.online("ONVIF " + (info.model() == null ? "camera" : info.model())
                + ", " + profiles.size() + " profile" + (profiles.size() == 1 ? "" : "s")
                + (ptz.isPresent() ? ", PTZ" : "") + clockNote(offset)));
    }

    /** The SOAP client, clock offset and event subscription belong to the credentials: a change restarts. */
    @Override
    public boolean reconfigure(Map<String, Object> newConfig) {
        return false;
    }

    /** "; camera clock differs 3 h (corrected)" when the camera's clock is more than a minute off. */
    static String clockNote(Duration offset) {
        Duration abs = offset.abs();
        if (abs.compareTo(Duration.ofMinutes(1)) < 0) {
            return "";
        }
        String amount = abs.toDays() >= 365 ? abs.toDays() / 365 + " years" : abs.toDays() >= 1 ? abs.toDays()
                + " days" : abs.toHours() >= 1 ? abs.toHours() + " h" : abs.toMinutes() + " min";
        return "; camera clock differs " + amount + " (corrected)";
    }

    /** Subscribes once per session to the camera's events (the subscription renews itself). */
    private void listen(URI service) {
        synchronized (lock) {
            if (events == null && !stopped) {
                events = new OnvifEvents(device.soap(), settings(), service, context());
                events.start();
            }
        }
    }

    @Override
    protected void stopping() {
        synchronized (lock) {
            stopped = true;
            if (events != null) {
                events.stop();
            }
        }
    }
}
