package nl.uitkijk.driver.axis.internal;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.testkit.AxisCameraSimulator;
import nl.uitkijk.testkit.CameraDriverConformance;
import org.junit.jupiter.api.AfterAll;

/** The Axis driver through the SDK's conformance kit (report in target/conformance/axis.json). */
class AxisDriverConformanceTest extends CameraDriverConformance {

    private final AxisCameraDriver driver = new AxisCameraDriver(2);
    private final List<AxisCameraSimulator> simulators = new ArrayList<>();

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    static Map<String, Object> config(AxisCameraSimulator simulator, String password) {
        return Map.of("host", "127.0.0.1", "port", simulator.port(), "username", "root", "password", password,
                "timeoutSeconds", 2);
    }

    private AxisCameraSimulator simulator() throws Exception {
        AxisCameraSimulator simulator = AxisCameraSimulator.start("root", "Heerlen-2026");
        simulators.add(simulator);
        return simulator;
    }

    @Override
    protected Map<String, Object> workingCamera() throws Exception {
        return config(simulator(), "Heerlen-2026");
    }

    @Override
    protected Optional<Map<String, Object>> reconfiguration(Map<String, Object> working) {
        Map<String, Object> changed = new HashMap<>(working);
        changed.put("timeoutSeconds", 3);
        return Optional.of(changed);
    }

    @Override
    protected Map<String, Object> unreachableCamera() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return Map.of("host", "127.0.0.1", "port", free.getLocalPort(), "timeoutSeconds", 2);
        }
    }

    @Override
    protected List<Map<String, Object>> hostileCameras() throws Exception {
        AxisCameraSimulator notAxis = simulator();
        notAxis.override("/axis-cgi/param.cgi", "<html><body>Welcome to nginx</body></html>");
        AxisCameraSimulator errors = simulator();
        errors.override("/axis-cgi/param.cgi", "# Error: Error -1 getting param in group 'root.Brand'\n");
        AxisCameraSimulator liar = simulator();
        liar.override("/axis-cgi/param.cgi", "root.Brand.Brand=AXIS\nroot.Properties.Image.Format=h264\n"
                + "root.Properties.Image.Resolution=1920x1080,99999999999x-1\n");
        AxisCameraSimulator noH264 = simulator();
        noH264.override("/axis-cgi/param.cgi", "root.Brand.Brand=AXIS\nroot.Properties.Image.Format=jpeg,mjpeg\n"
                + "root.Properties.Image.Resolution=640x480\n");
        AxisCameraSimulator wrongPassword = simulator();
        return List.of(config(notAxis, "Heerlen-2026"), config(errors, "Heerlen-2026"),
                config(liar, "Heerlen-2026"), config(noH264, "Heerlen-2026"), config(wrongPassword, "guess"));
    }

    @AfterAll
    void closeSimulators() {
        simulators.forEach(AxisCameraSimulator::close);
        driver.deactivate();
    }
}
