package nl.uitkijk.driver.demo.internal;

import java.util.Map;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.testkit.CameraDriverConformance;

/**
 * The demo driver through the SDK's conformance kit (report in target/conformance/demo.json). It has no network, so
 * its "unreachable" camera is one that cannot work: a picture 641 pixels wide, which H.264 (4:2:0) cannot encode —
 * the session must say so as OFFLINE with the reason, as a camera nobody answers for would.
 */
class DemoDriverConformanceTest extends CameraDriverConformance {

    private final DemoCameraDriver driver = new DemoCameraDriver();

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    @Override
    protected Map<String, Object> workingCamera() {
        return Map.of("width", 320, "height", 180, "fps", 5, "label", "Conformiteit");
    }

    @Override
    protected Map<String, Object> unreachableCamera() {
        return Map.of("width", 641, "height", 361, "fps", 5);
    }
}
