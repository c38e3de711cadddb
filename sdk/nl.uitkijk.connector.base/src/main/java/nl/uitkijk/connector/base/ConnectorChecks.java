package nl.uitkijk.connector.base;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;

/** Checks every connector kind makes: a sane timeout setting, and whether a receiver takes a TCP connection. */
public final class ConnectorChecks {

    private ConnectorChecks() {
    }

    /** What is wrong with {@code timeoutSeconds} (absent is fine: the default), or empty. */
    public static Optional<String> timeoutProblem(Map<String, Object> configuration) {
        Object timeout = configuration.get("timeoutSeconds");
        if (timeout == null) {
            return Optional.empty();
        }
        try {
            int seconds = Integer.parseInt(String.valueOf(timeout));
            return seconds < 1 || seconds > 60 ? Optional.of("config.timeoutSeconds: 1 to 60") : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("config.timeoutSeconds: a whole number of seconds");
        }
    }

    /** Whether the receiver takes a TCP connection now (at most a second's wait). */
    public static boolean takesConnections(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.max(1, Math.min(timeoutMillis, 1_000)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
