package ${package};

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import nl.uitkijk.testkit.DigestGuard;

/**
 * A ${vendorClass} camera's API on loopback: the status document behind HTTP Digest. Make it answer as your camera
 * does (best from captured replies of a real one); {@link nl.uitkijk.testkit.RtspCameraSimulator} serves a stream.
 */
final class ${vendorClass}CameraSimulator implements AutoCloseable {

    static final String STATUS = "<status><manufacturer>${vendorClass}</manufacturer><model>Model 1</model>"
            + "<firmware>1.0.0</firmware><serial>0001</serial><stream><path>/live/main</path><codec>h264</codec>"
            + "<width>1920</width><height>1080</height><fps>25</fps></stream></status>";

    private final HttpServer server;
    private volatile String status = STATUS;

    ${vendorClass}CameraSimulator(String username, String password) throws IOException {
        DigestGuard guard = new DigestGuard("${vendor}", username, password, "SHA-256");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext(${vendorClass}CameraSession.STATUS_PATH, exchange -> {
            if (guard.admit(exchange)) {
                byte[] body = status.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers the status with this instead (hostile tests). */
    void answer(String body) {
        status = body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
