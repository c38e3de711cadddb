package ${package};

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.testkit.CameraDriverConformance;
import org.junit.jupiter.api.AfterAll;

/**
 * The driver through Uitkijk's conformance kit; the report lands in target/conformance/${vendor}.json, for the
 * municipality's procurement.
 */
class ${vendorClass}DriverConformanceTest extends CameraDriverConformance {

    private final ${vendorClass}CameraDriver driver = new ${vendorClass}CameraDriver(2);
    private final List<${vendorClass}CameraSimulator> simulators = new ArrayList<>();

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    private Map<String, Object> camera(String answer, String password) throws Exception {
        ${vendorClass}CameraSimulator simulator = new ${vendorClass}CameraSimulator("operator", "secret");
        simulators.add(simulator);
        if (answer != null) {
            simulator.answer(answer);
        }
        return Map.of("host", "127.0.0.1", "port", simulator.port(), "username", "operator", "password", password,
                "timeoutSeconds", 2);
    }

    @Override
    protected Map<String, Object> workingCamera() throws Exception {
        return camera(null, "secret");
    }

    @Override
    protected Map<String, Object> unreachableCamera() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return Map.of("host", "127.0.0.1", "port", free.getLocalPort(), "timeoutSeconds", 2);
        }
    }

    @Override
    protected List<Map<String, Object>> hostileCameras() throws Exception {
        return List.of(
                camera("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><status>&e;</status>", "secret"),
                camera("\u0000 not xml", "secret"),
                camera(${vendorClass}CameraSimulator.STATUS.replace("1920", "-5"), "secret"),
                camera("<status/>", "secret"),
                camera(null, "wrong password"));
    }

    @Override
    protected Optional<Map<String, Object>> reconfiguration(Map<String, Object> working) {
        Map<String, Object> changed = new HashMap<>(working);
        changed.put("timeoutSeconds", 3);
        return Optional.of(changed);
    }

    @AfterAll
    void closeSimulators() {
        simulators.forEach(${vendorClass}CameraSimulator::close);
        driver.deactivate();
    }
}
