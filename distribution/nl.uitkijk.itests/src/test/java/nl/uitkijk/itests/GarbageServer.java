package nl.uitkijk.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A "camera" on loopback that answers every connection with garbage and hangs up. */
final class GarbageServer implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Thread thread;

    GarbageServer() throws IOException {
        thread = new Thread(this::serve, "garbage-camera");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                client.getInputStream().read(new byte[4096]);
                out.write("HTTP/9.9 ??? \u0000\u0001garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // closed, or the client went away: next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
