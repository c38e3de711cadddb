package nl.uitkijk.driver.hikvision.internal;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.testkit.CameraDriverConformance;
import nl.uitkijk.testkit.HikvisionCameraSimulator;
import org.junit.jupiter.api.AfterAll;

/** The Hikvision driver through the SDK's conformance kit (report in target/conformance/hikvision.json). */
class HikvisionDriverConformanceTest extends CameraDriverConformance {

    private final HikvisionCameraDriver driver = new HikvisionCameraDriver(2);
    private final List<HikvisionCameraSimulator> simulators = new ArrayList<>();

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    static Map<String, Object> config(HikvisionCameraSimulator simulator, String password) {
        return Map.of("host", "127.0.0.1", "port", simulator.port(), "username", "admin", "password", password,
                "timeoutSeconds", 2);
    }

    private HikvisionCameraSimulator simulator() throws Exception {
        HikvisionCameraSimulator simulator = HikvisionCameraSimulator.start("admin", "Heerlen-2026");
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
        HikvisionCameraSimulator entities = simulator();
        entities.override("/ISAPI/System/deviceInfo",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><DeviceInfo>&e;</DeviceInfo>");
        HikvisionCameraSimulator garbage = simulator();
        garbage.override("/ISAPI/Streaming/channels", "\u0000\u0001 garbage");
        HikvisionCameraSimulator liar = simulator();
        liar.override("/ISAPI/Streaming/channels", "<StreamingChannelList><StreamingChannel><id>101</id><Video>"
                + "<videoResolutionWidth>-1</videoResolutionWidth><videoResolutionHeight>99999999999"
                + "</videoResolutionHeight></Video></StreamingChannel></StreamingChannelList>");
        HikvisionCameraSimulator hanging = simulator();
        hanging.stall("/ISAPI/System/deviceInfo");
        HikvisionCameraSimulator wrongPassword = simulator();
        return List.of(config(entities, "Heerlen-2026"), config(garbage, "Heerlen-2026"),
                config(liar, "Heerlen-2026"), config(hanging, "Heerlen-2026"), config(wrongPassword, "guess"));
    }

    @AfterAll
    void closeSimulators() {
        simulators.forEach(HikvisionCameraSimulator::close);
        driver.deactivate();
    }
}
