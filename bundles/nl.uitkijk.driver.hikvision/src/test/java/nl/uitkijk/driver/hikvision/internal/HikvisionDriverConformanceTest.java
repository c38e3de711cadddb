package nl.uitkijk.driver.hikvision.internal;

import nl.uitkijk.testkit.BenchDriverConformance;
import nl.uitkijk.testkit.CameraBench;
import org.junit.jupiter.api.AfterAll;

/**
 * The Hikvision driver through the SDK's conformance kit with the test kit's ISAPI bench, as
 * {@code vms:plugin-certify} runs it in an installation (report in target/conformance/hikvision.json).
 */
class HikvisionDriverConformanceTest extends BenchDriverConformance {

    HikvisionDriverConformanceTest() {
        super(new HikvisionCameraDriver(2), CameraBench.isapi());
    }

    @AfterAll
    void deactivate() {
        ((HikvisionCameraDriver) driver()).deactivate();
    }
}
