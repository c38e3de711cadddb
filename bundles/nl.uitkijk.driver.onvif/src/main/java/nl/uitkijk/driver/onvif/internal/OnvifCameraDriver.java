package nl.uitkijk.driver.onvif.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DriverDescription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * ONVIF Profile S cameras (and PTZ): device, media and PTZ services over SOAP with WS-Security digest. The streams
 * the camera reports are read by the platform's media hub like any RTSP stream.
 */
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + OnvifCameraDriver.ID,
        configurationPid = "nl.uitkijk.driver.onvif")
@Designate(ocd = OnvifCameraDriver.Configuration.class)
public class OnvifCameraDriver implements CameraDriver {

    @ObjectClassDefinition(name = "Uitkijk ONVIF driver")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "How many cameras are queried at the same time.")
        int workerThreads() default 4;
    }

    static final String ID = "onvif";
    private static final DriverDescription DESCRIPTION = new DriverDescription(ID, "ONVIF camera",
            "Any ONVIF Profile S camera: streams, device information and PTZ found by the camera's own services.",
            List.of(new ConfigParameter(OnvifSettings.HOST, ConfigParameter.Type.TEXT, true, "Host",
                            "The camera's address, e.g. 192.0.2.10", null),
                    new ConfigParameter(OnvifSettings.PORT, ConfigParameter.Type.INTEGER, false, "Port",
                            "HTTP port of the ONVIF services", OnvifSettings.DEFAULT_PORT),
                    new ConfigParameter(OnvifSettings.USERNAME, ConfigParameter.Type.TEXT, false, "User name", "",
                            null),
                    new ConfigParameter(OnvifSettings.PASSWORD, ConfigParameter.Type.PASSWORD, false, "Password", "",
                            null),
                    new ConfigParameter(OnvifSettings.TIMEOUT, ConfigParameter.Type.INTEGER, false, "Timeout",
                            "Seconds to wait for the camera, 1 to 60", OnvifSettings.DEFAULT_TIMEOUT)));

    private final ExecutorService workers;
    private final HttpClient http;
    private final Clock clock;

    @Activate
    public OnvifCameraDriver(Configuration configuration) {
        this(Math.max(1, configuration.workerThreads()), Clock.systemUTC());
    }

    OnvifCameraDriver(int threads, Clock clock) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "uitkijk-onvif-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.clock = clock;
    }

    @Deactivate
    public void deactivate() {
        workers.shutdownNow();
    }

    @Override
    public DriverDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        return OnvifSettings.validate(config);
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new OnvifCameraSession(context, workers, http, clock);
    }
}
