package nl.uitkijk.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Eclipse Mosquitto broker on a free loopback port, started from Debian's {@code mosquitto} package for a
 * test and stopped with it. Anonymous clients, no persistence: each test starts clean.
 */
public final class Mosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getProperty("uitkijk.mosquitto", "/usr/sbin/mosquitto"));

    private final Path folder;
    private final int port;
    private final Process process;

    private Mosquitto(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Whether the broker is installed here; a test without it is skipped (and fails under CI=true). */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts a broker; returns once it takes connections (at most 10 s). */
    public static Mosquitto start() throws IOException, InterruptedException {
        if (!installed()) {
            String reason = BINARY + " is not installed (Debian package mosquitto; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            throw new org.opentest4j.TestAbortedException(reason);
        }
        Path folder = Files.createTempDirectory("mosquitto");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n", List.of("listener " + port + " 127.0.0.1",
                "allow_anonymous true", "persistence false", "log_dest stdout", "log_type error",
                "log_type warning", "")));
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        Mosquitto broker = new Mosquitto(folder, port, process);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return broker;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        String log = Files.exists(folder.resolve("mosquitto.log")) ? Files.readString(folder.resolve(
                "mosquitto.log")) : "";
        broker.close();
        throw new IOException("mosquitto did not start on port " + port + ": " + log);
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:<port>} */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
