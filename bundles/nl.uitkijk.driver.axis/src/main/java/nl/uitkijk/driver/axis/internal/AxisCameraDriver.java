package nl.uitkijk.driver.axis.internal;

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
 * Axis cameras over their own HTTP API, VAPIX: what ONVIF says too (identity, streams, PTZ) read from the camera's
 * parameters, plus the event stream over WebSocket, which carries Axis's own detections (motion, tamper, inputs).
 */
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {"VAPIX", "RTSP", "HTTP Digest"}, models = {"Axis network cameras (VAPIX 3)"}, securityContact = "SECURITY.md",
        summary = "Axis cameras over VAPIX: streams, device information, PTZ and the event stream")
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + AxisCameraDriver.ID,
        configurationPid = "nl.uitkijk.driver.axis")
@Designate(ocd = AxisCameraDriver.Configuration.class)
public class AxisCameraDriver extends HttpCameraDriver {

    @ObjectClassDefinition(name = "Uitkijk Axis driver")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "How many cameras are queried at the same time.")
        int workerThreads() default 4;
    }

    static final String ID = "axis";
    static final NumberSetting RTSP_PORT = new NumberSetting("rtspPort", "RTSP port",
            "Port of the camera's RTSP service", 554, 1, 65_535);
    static final NumberSetting CAMERA = new NumberSetting("camera", "Camera",
            "Video source of the device (multi-sensor cameras and encoders have several), from 1", 1, 1, 64);

    @Activate
    public AxisCameraDriver(Configuration configuration) {
        this(configuration.workerThreads());
    }

    AxisCameraDriver(int threads) {
        super(ID, "Axis camera (VAPIX)", "Axis cameras: streams, device information, PTZ and events from the VAPIX "
                + "event stream.", "HTTP port of VAPIX", List.of(RTSP_PORT, CAMERA), threads);
    }

    @Deactivate
    public void deactivate() {
        close();
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new AxisCameraSession(context, workers(), http());
    }
}
