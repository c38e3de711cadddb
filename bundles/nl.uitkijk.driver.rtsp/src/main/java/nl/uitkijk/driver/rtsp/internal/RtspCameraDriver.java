package nl.uitkijk.driver.rtsp.internal;

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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A generic camera reached by an RTSP URL, with optional credentials: any camera or encoder that speaks RTSP. */
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {"RTSP", "RTP"}, models = {}, securityContact = "SECURITY.md",
        summary = "Any camera with an RTSP URL and credentials: H.264/H.265 main and sub-stream, no PTZ")
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + RtspCameraDriver.ID,
        configurationPid = "nl.uitkijk.driver.rtsp")
@Designate(ocd = RtspCameraDriver.Configuration.class)
public class RtspCameraDriver implements CameraDriver {

    @ObjectClassDefinition(name = "Uitkijk RTSP driver", description = "Generic RTSP camera driver.")
    public @interface Configuration {
        @AttributeDefinition(name = "Probe threads", description = "How many cameras are probed at the same time.")
        int probeThreads() default 4;
    }

    static final String ID = "rtsp";

    private static final DriverDescription DESCRIPTION = new DriverDescription(ID, "RTSP camera",
            "Any camera or encoder with an RTSP stream (H.264/H.265).", List.of(
                    new ConfigParameter(RtspSettings.URL, ConfigParameter.Type.URL, true, "Stream URL",
                            "rtsp://host[:port]/path, without credentials", null),
                    new ConfigParameter(RtspSettings.SUB_URL, ConfigParameter.Type.URL, false, "Sub-stream URL",
                            "the camera's smaller second stream, optional: small wall tiles and analytics use it",
                            null),
                    new ConfigParameter(RtspSettings.USERNAME, ConfigParameter.Type.TEXT, false, "User name", "",
                            null),
                    new ConfigParameter(RtspSettings.PASSWORD, ConfigParameter.Type.PASSWORD, false, "Password", "",
                            null),
                    new ConfigParameter(RtspSettings.TRANSPORT, ConfigParameter.Type.TEXT, false, "Transport",
                            "tcp (through firewalls, default) or udp", "tcp"),
                    new ConfigParameter(RtspSettings.TIMEOUT, ConfigParameter.Type.INTEGER, false, "Timeout",
                            "Seconds to wait for the camera, 1 to 120", RtspSettings.DEFAULT_TIMEOUT)));

    private final ExecutorService probes;

    @Activate
    public RtspCameraDriver(Configuration configuration) {
        probes = DriverThreads.pool("rtsp-probe", configuration.probeThreads());
    }

    @Deactivate
    public void deactivate() {
        probes.shutdownNow();
    }

    @Override
    public DriverDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        return RtspSettings.validate(config);
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new RtspCameraSession(context, probes, StreamProbe::probe);
    }
}
