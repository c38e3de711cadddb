package nl.uitkijk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback in front of a real receiver (Mosquitto, an HTTP server, a DC-09 receiver) that can stop
 * forwarding and instead hang, answer garbage or refuse connections, on the same port. Changing the behaviour cuts
 * the connections open at that moment, as a network fault would.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode {
        FORWARD, HANG, GARBAGE, DOWN;

        /** What the proxy does for a peer's behaviour: the faults it can make, forwarding otherwise. */
        public static Mode of(ConnectorPeer.Behaviour behaviour) {
            return switch (behaviour) {
                case HANG -> HANG;
                case GARBAGE -> GARBAGE;
                case DOWN -> DOWN;
                default -> FORWARD;
            };
        }
    }

    private final int target;
    private final int port;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket listener;
    private volatile java.util.concurrent.Future<?> acceptLoop;

    public FaultyProxy(int targetPort) throws IOException {
        this.target = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public int port() {
        return port;
    }

    public synchronized void mode(Mode next) throws IOException {
        if (next == mode) {
            return;
        }
        Mode before = mode;
        mode = next; // first: a connection accepted from now on meets the new behaviour
        if (next == Mode.DOWN) {
            listener.close();
            try {
                acceptLoop.get(5, java.util.concurrent.TimeUnit.SECONDS); // the port is free once it ended
            } catch (Exception e) {
                throw new IOException("the proxy's listener did not close", e);
            }
        }
        cutAll();
        if (before == Mode.DOWN) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(again);
        }
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        acceptLoop = workers.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    open.add(client);
                    workers.execute(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket client) {
        try {
            switch (mode) {
                case DOWN -> client.close();
                case HANG -> client.getInputStream().transferTo(OutputStream.nullOutputStream());
                case GARBAGE -> {
                    client.getOutputStream().write("\u0000\u00ffHTTP/9 ??? not a reply\r\n\r\n<<<>>>\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                    client.getInputStream().transferTo(OutputStream.nullOutputStream());
                }
                default -> {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    // forward each write at once: the proxy must not add Nagle's delays to what it relays
                    upstream.setTcpNoDelay(true);
                    client.setTcpNoDelay(true);
                    open.add(upstream);
                    workers.execute(() -> pipe(upstream, client));
                    pipe(client, upstream);
                }
            }
        } catch (IOException e) {
            // the client or the receiver went away: so does the other side
        } finally {
            close(client);
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut
        } finally {
            close(from);
            close(to);
        }
    }

    private void cutAll() {
        open.forEach(FaultyProxy::close);
        open.clear();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
        workers.shutdownNow();
    }
}
