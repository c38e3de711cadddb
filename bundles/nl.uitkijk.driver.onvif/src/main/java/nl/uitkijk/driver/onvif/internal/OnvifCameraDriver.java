package nl.uitkijk.driver.onvif.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.driver.base.DriverThreads;
import nl.uitkijk.driver.base.HttpCameraSettings;
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
            HttpCameraSettings.parameters("HTTP port of the ONVIF services"));

    private final ExecutorService workers;
    private final HttpClient http;
    private final Clock clock;

    @Activate
    public OnvifCameraDriver(Configuration configuration) {
        this(Math.max(1, configuration.workerThreads()), Clock.systemUTC());
    }

    OnvifCameraDriver(int threads, Clock clock) {
        this.workers = DriverThreads.pool(ID, threads);
        this.http = HttpCameraSettings.newClient();
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
        return HttpCameraSettings.validate(config);
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new OnvifCameraSession(context, workers, http, clock);
    }
}
