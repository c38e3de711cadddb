package nl.uitkijk.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.CameraDriver;
import org.junit.jupiter.api.AfterAll;

/**
 * The driver conformance kit for a driver and a {@link CameraBench}: a driver's own test can extend it with a no-arg
 * constructor, and a running installation's certification runs it with {@link KitRun} on the installed driver.
 */
public class BenchDriverConformance extends CameraDriverConformance {

    private final CameraDriver driver;
    private final CameraBench bench;

    public BenchDriverConformance(CameraDriver driver, CameraBench bench) {
        this.driver = driver;
        this.bench = bench;
    }

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    @Override
    protected Map<String, Object> workingCamera() throws Exception {
        return bench.working();
    }

    @Override
    protected Map<String, Object> unreachableCamera() throws Exception {
        return bench.unreachable();
    }

    @Override
    protected List<Map<String, Object>> hostileCameras() throws Exception {
        return bench.hostile();
    }

    @Override
    protected Optional<Map<String, Object>> reconfiguration(Map<String, Object> working) throws Exception {
        return bench.reconfiguration(working);
    }

    @AfterAll
    void closeBench() {
        bench.close();
    }
}
