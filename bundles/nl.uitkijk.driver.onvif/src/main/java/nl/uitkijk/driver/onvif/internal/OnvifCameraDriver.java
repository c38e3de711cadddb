package nl.uitkijk.driver.onvif.internal;

import java.time.Clock;
import java.util.List;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.driver.base.HttpCameraDriver;
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
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {"ONVIF Profile S", "WS-Discovery", "RTSP", "HTTP"}, models = {}, securityContact = "SECURITY.md",
        summary = "ONVIF Profile S cameras: streams, device information, PTZ, events and discovery")
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + OnvifCameraDriver.ID,
        configurationPid = "nl.uitkijk.driver.onvif")
@Designate(ocd = OnvifCameraDriver.Configuration.class)
public class OnvifCameraDriver extends HttpCameraDriver {

    @ObjectClassDefinition(name = "Uitkijk ONVIF driver")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "How many cameras are queried at the same time.")
        int workerThreads() default 4;
    }

    static final String ID = "onvif";

    private final Clock clock;

    @Activate
    public OnvifCameraDriver(Configuration configuration) {
        this(configuration.workerThreads(), Clock.systemUTC());
    }

    OnvifCameraDriver(int threads, Clock clock) {
        super(ID, "ONVIF camera", "Any ONVIF Profile S camera: streams, device information and PTZ found by the "
                + "camera's own services.", "HTTP port of the ONVIF services", List.of(), threads);
        this.clock = clock;
    }

    @Deactivate
    public void deactivate() {
        close();
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new OnvifCameraSession(context, workers(), http(), clock);
    }
}
