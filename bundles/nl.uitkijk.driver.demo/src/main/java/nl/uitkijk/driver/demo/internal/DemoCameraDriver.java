package nl.uitkijk.driver.demo.internal;

import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DriverDescription;
import org.osgi.service.component.annotations.Component;

/**
 * Demo cameras: each one renders its own street scene with OpenCV and encodes it to H.264 with FFmpeg, so that an
 * installation without real cameras (a laptop, a test machine, a tender demo) has live cameras.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "driver", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {},
        protocols = {}, models = {"synthetic street scenes (no real camera)"}, securityContact = "SECURITY.md",
        summary = "Demo cameras: synthetic H.264 street scenes with a clock, for trying the product without cameras")
@Component(service = CameraDriver.class, property = CameraDriver.DRIVER_ID + "=" + DemoCameraDriver.ID)
public class DemoCameraDriver implements CameraDriver {

    static final String ID = "demo";

    private static final DriverDescription DESCRIPTION = new DriverDescription(ID, "Demo camera",
            "Synthetic H.264 street scene with moving people and cars and a clock, made with JavaCV.", List.of(
                    new ConfigParameter("width", ConfigParameter.Type.INTEGER, false, "Width",
                            "Picture width in pixels, even, 160 to 1920", DemoSettings.DEFAULT_WIDTH),
                    new ConfigParameter("height", ConfigParameter.Type.INTEGER, false, "Height",
                            "Picture height in pixels, even, 120 to 1080", DemoSettings.DEFAULT_HEIGHT),
                    new ConfigParameter("fps", ConfigParameter.Type.INTEGER, false, "Frames per second", "1 to 30",
                            DemoSettings.DEFAULT_FPS),
                    new ConfigParameter("label", ConfigParameter.Type.TEXT, false, "Label",
                            "Text in the picture next to the clock; the camera id when empty", null)));

    @Override
    public DriverDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        return DemoSettings.validate(config);
    }

    @Override
    public CameraSession createSession(CameraContext context) {
        return new DemoCameraSession(context, DemoSettings.of(context.config(), context.cameraId()));
    }
}
