package nl.uitkijk.driver.onvif.internal;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.testkit.CameraDriverConformance;
import nl.uitkijk.testkit.OnvifCameraSimulator;
import org.junit.jupiter.api.AfterAll;

/** The ONVIF driver through the SDK's conformance kit (report in target/conformance/onvif.json). */
class OnvifDriverConformanceTest extends CameraDriverConformance {

    private final OnvifCameraDriver driver = new OnvifCameraDriver(2, Clock.systemUTC());
    private final List<OnvifCameraSimulator> simulators = new ArrayList<>();

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    private Map<String, Object> config(OnvifCameraSimulator simulator) {
        simulators.add(simulator);
        return Map.of("host", "127.0.0.1", "port", simulator.port(), "username", "uitkijk", "password", "geheim",
                "timeoutSeconds", 2);
    }

    @Override
    protected Map<String, Object> workingCamera() throws Exception {
        return config(OnvifCameraSimulator.start("uitkijk", "geheim", "rtsp://127.0.0.1:8554/cam1"));
    }

    @Override
    protected Map<String, Object> unreachableCamera() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return Map.of("host", "127.0.0.1", "port", free.getLocalPort(), "timeoutSeconds", 2);
        }
    }

    @Override
    protected List<Map<String, Object>> hostileCameras() throws Exception {
        OnvifCameraSimulator entities = OnvifCameraSimulator.start("uitkijk", "geheim", null);
        entities.override("GetCapabilities", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        OnvifCameraSimulator garbage = OnvifCameraSimulator.start("uitkijk", "geheim", null);
        garbage.override("GetProfiles", "\u0000\u0001 garbage");
        OnvifCameraSimulator liar = OnvifCameraSimulator.start("uitkijk", "geheim", null);
        liar.override("GetProfiles", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "<trt:GetProfilesResponse xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\"/></s:Body>"
                + "</s:Envelope>");
        OnvifCameraSimulator hanging = OnvifCameraSimulator.start("uitkijk", "geheim", null);
        hanging.stall("GetSystemDateAndTime");
        return List.of(config(entities), config(garbage), config(liar), config(hanging));
    }

    @AfterAll
    void closeSimulators() {
        simulators.forEach(OnvifCameraSimulator::close);
        driver.deactivate();
    }
}
