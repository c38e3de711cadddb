package nl.uitkijk.driver.onvif.internal;

import java.time.Clock;
import nl.uitkijk.testkit.BenchDriverConformance;
import nl.uitkijk.testkit.CameraBench;
import org.junit.jupiter.api.AfterAll;

/**
 * The ONVIF driver through the SDK's conformance kit with the test kit's ONVIF bench, as {@code vms:plugin-certify}
 * runs it in an installation (report in target/conformance/onvif.json).
 */
class OnvifDriverConformanceTest extends BenchDriverConformance {

    OnvifDriverConformanceTest() {
        super(new OnvifCameraDriver(2, Clock.systemUTC()), CameraBench.onvif());
    }

    @AfterAll
    void deactivate() {
        ((OnvifCameraDriver) driver()).deactivate();
    }
}
