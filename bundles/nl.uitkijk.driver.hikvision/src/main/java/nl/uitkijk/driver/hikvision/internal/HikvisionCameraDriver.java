package nl.uitkijk.driver.hikvision.internal;

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
 * Hikvision cameras over their own HTTP API, ISAPI: what ONVIF says too (identity, streams, PTZ), plus the alert
 * stream, which carries Hikvision's own detections (motion, tamper, line crossing, intrusion) as they happen.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {"ISAPI", "RTSP", "HTTP Digest"}, models = {"Hikvision network cameras (ISAPI)"}, securityContact = "SECURITY.md",
        summary = "Hikvision cameras over ISAPI: streams, device information, PTZ and the alert stream")
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + HikvisionCameraDriver.ID,
        configurationPid = "nl.uitkijk.driver.hikvision")
@Designate(ocd = HikvisionCameraDriver.Configuration.class)
public class HikvisionCameraDriver extends HttpCameraDriver {

    @ObjectClassDefinition(name = "Uitkijk Hikvision driver")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "How many cameras are queried at the same time.")
        int workerThreads() default 4;
    }

    static final String ID = "hikvision";
    static final NumberSetting RTSP_PORT = new NumberSetting("rtspPort", "RTSP port",
            "Port of the camera's RTSP service", 554, 1, 65_535);
    static final NumberSetting CHANNEL = new NumberSetting("channel", "Channel",
            "Video input of the device (an NVR or encoder has several), from 1", 1, 1, 512);

    @Activate
    public HikvisionCameraDriver(Configuration configuration) {
        this(configuration.workerThreads());
    }

    HikvisionCameraDriver(int threads) {
        super(ID, "Hikvision camera (ISAPI)", "Hikvision cameras: streaming channels, device information, PTZ and "
                + "detections from the alert stream.", "HTTP port of ISAPI", List.of(RTSP_PORT, CHANNEL), threads);
    }

    @Deactivate
    public void deactivate() {
        close();
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new HikvisionCameraSession(context, workers(), http());
    }
}
