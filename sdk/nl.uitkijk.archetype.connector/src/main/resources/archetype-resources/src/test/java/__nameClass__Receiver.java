package ${package};

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.uitkijk.testkit.ConnectorPeer;
import nl.uitkijk.testkit.FaultyProxy;

/** A ${nameClass} control room on loopback, behind the test kit's faulty proxy (hang, garbage, down). */
final class ${nameClass}Receiver implements ConnectorPeer {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final FaultyProxy proxy;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<UUID> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile Behaviour behaviour = Behaviour.ACCEPT;

    ${nameClass}Receiver() throws IOException {
        proxy = new FaultyProxy(server.getLocalPort());
        workers.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    workers.execute(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            String line = in.readLine();
            if (line == null || !line.startsWith("ALARM ")) {
                return;
            }
            UUID id = UUID.fromString(json.readTree(line.substring(6)).get("id").asText());
            String answer;
            if (behaviour == Behaviour.REFUSE) {
                answer = "NAK unknown site";
            } else if (behaviour == Behaviour.FAIL) {
                answer = "BUSY";
            } else {
                received.add(id);
                answer = "ACK " + id;
            }
            out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the connector went away
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return proxy.port();
    }

    @Override
    public void behave(Behaviour next) throws IOException {
        behaviour = next;
        proxy.mode(FaultyProxy.Mode.of(next));
    }

    @Override
    public boolean canRefuse() {
        return true;
    }

    @Override
    public List<UUID> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        server.close();
        workers.shutdownNow();
    }
}
