package nl.uitkijk.driver.hikvision.internal;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.ConfigParameter;
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
 * Hikvision cameras over their own HTTP API, ISAPI: what ONVIF says too (identity, streams, PTZ), plus the alert
 * stream, which carries Hikvision's own detections (motion, tamper, line crossing, intrusion) as they happen.
 */
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + HikvisionCameraDriver.ID,
        configurationPid = "nl.uitkijk.driver.hikvision")
@Designate(ocd = HikvisionCameraDriver.Configuration.class)
public class HikvisionCameraDriver implements CameraDriver {

    @ObjectClassDefinition(name = "Uitkijk Hikvision driver")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "How many cameras are queried at the same time.")
        int workerThreads() default 4;
    }

    static final String ID = "hikvision";
    static final String RTSP_PORT = "rtspPort";
    static final String CHANNEL = "channel";
    private static final DriverDescription DESCRIPTION = new DriverDescription(ID, "Hikvision camera (ISAPI)",
            "Hikvision cameras: streaming channels, device information, PTZ and detections from the alert stream.",
            parameters());

    private final ExecutorService workers;
    private final HttpClient http = HttpCameraSettings.newClient();

    @Activate
    public HikvisionCameraDriver(Configuration configuration) {
        this(configuration.workerThreads());
    }

    HikvisionCameraDriver(int threads) {
        this.workers = DriverThreads.pool(ID, threads);
    }

    private static List<ConfigParameter> parameters() {
        List<ConfigParameter> parameters = new ArrayList<>(HttpCameraSettings.parameters("HTTP port of ISAPI"));
        parameters.add(new ConfigParameter(RTSP_PORT, ConfigParameter.Type.INTEGER, false, "RTSP port",
                "Port of the camera's RTSP service", 554));
        parameters.add(new ConfigParameter(CHANNEL, ConfigParameter.Type.INTEGER, false, "Channel",
                "Video input of the device (an NVR or encoder has several), from 1", 1));
        return List.copyOf(parameters);
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
        List<ConfigProblem> problems = new ArrayList<>(HttpCameraSettings.validate(config));
        int rtspPort = HttpCameraSettings.number(config, RTSP_PORT, 554);
        if (rtspPort < 1 || rtspPort > 65_535) {
            problems.add(new ConfigProblem("config." + RTSP_PORT, "must be 1 to 65535"));
        }
        int channel = HttpCameraSettings.number(config, CHANNEL, 1);
        if (channel < 1 || channel > 512) {
            problems.add(new ConfigProblem("config." + CHANNEL, "must be 1 to 512"));
        }
        return problems;
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new HikvisionCameraSession(context, workers, http);
    }
}
