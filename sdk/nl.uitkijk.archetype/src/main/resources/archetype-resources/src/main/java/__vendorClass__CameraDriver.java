package ${package};

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
 * ${vendorClass} cameras. The platform finds this driver by its service property {@code uitkijk.driver.id=${vendor}}
 * and asks it for one session per camera. The host, port, user name, password and timeout settings come from
 * {@link HttpCameraDriver}; add the camera's own settings as {@link HttpCameraDriver.NumberSetting}s.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "${vendorClass}", licence = "Apache-2.0", // your SPDX licence
        personalData = {"IMAGES"}, protocols = {"HTTP", "RTSP"}, models = {"${vendorClass} network cameras"},
        securityContact = "security@${vendor}.example", // where a vulnerability is reported: your real address
        summary = "${vendorClass} cameras: streams, device information and PTZ")
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + ${vendorClass}CameraDriver.ID,
        configurationPid = "${package}")
@Designate(ocd = ${vendorClass}CameraDriver.Configuration.class)
public class ${vendorClass}CameraDriver extends HttpCameraDriver {

    @ObjectClassDefinition(name = "Uitkijk ${vendorClass} driver")
    public @interface Configuration {
        @AttributeDefinition(name = "Worker threads", description = "How many cameras are queried at the same time.")
        int workerThreads() default 4;
    }

    static final String ID = "${vendor}";
    static final NumberSetting RTSP_PORT = new NumberSetting("rtspPort", "RTSP port",
            "Port of the camera's RTSP service", 554, 1, 65_535);

    @Activate
    public ${vendorClass}CameraDriver(Configuration configuration) {
        this(configuration.workerThreads());
    }

    ${vendorClass}CameraDriver(int threads) {
        super(ID, "${vendorClass} camera", "${vendorClass} cameras: identity and stream from the camera's status "
                + "document.", "HTTP port of the camera's API", List.of(RTSP_PORT), threads);
    }

    @Deactivate
    public void deactivate() {
        close();
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new ${vendorClass}CameraSession(context, workers(), http());
    }
}
