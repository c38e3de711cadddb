package nl.uitkijk.driver.rtsp.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.camera.CameraDriver;
import nl.uitkijk.testkit.CameraDriverConformance;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterAll;

/** The RTSP driver through the SDK's conformance kit (report in target/conformance/rtsp.json). */
class RtspDriverConformanceTest extends CameraDriverConformance {

    private final RtspCameraDriver driver = new RtspCameraDriver(new RtspCameraDriver.Configuration() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return RtspCameraDriver.Configuration.class;
        }

        @Override
        public int probeThreads() {
            return 2;
        }
    });
    private RtspCameraSimulator camera;
    private ServerSocket garbage;

    @Override
    protected CameraDriver driver() {
        return driver;
    }

    @Override
    protected Map<String, Object> workingCamera() throws Exception {
        if (camera == null) {
            camera = RtspCameraSimulator.start(Files.createTempDirectory("rtsp-conformance"), 1);
        }
        return Map.of("url", camera.url(1), "timeoutSeconds", 5);
    }

    @Override
    protected Map<String, Object> unreachableCamera() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return Map.of("url", "rtsp://127.0.0.1:" + free.getLocalPort() + "/cam1", "timeoutSeconds", 2);
        }
    }

    /** A server that answers every request with HTTP garbage, as a misconfigured port would. */
    @Override
    protected List<Map<String, Object>> hostileCameras() throws IOException {
        garbage = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
        Thread answering = new Thread(() -> {
            while (!garbage.isClosed()) {
                try (Socket client = garbage.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n<html>\u0000\u0001</html>"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // closed
                }
            }
        }, "garbage-camera");
        answering.setDaemon(true);
        answering.start();
        return List.of(Map.of("url", "rtsp://127.0.0.1:" + garbage.getLocalPort() + "/cam1", "timeoutSeconds", 2));
    }

    @AfterAll
    void close() throws Exception {
        if (camera != null) {
            camera.close();
        }
        if (garbage != null) {
            garbage.close();
        }
        driver.deactivate();
    }
}
