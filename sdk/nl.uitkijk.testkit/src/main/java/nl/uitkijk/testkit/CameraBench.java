package nl.uitkijk.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Simulated cameras of one protocol on loopback, as the driver conformance kit needs them: one that works, one
 * nobody answers for, and hostile ones (an XML entity that reads a file, garbage, a reply that lies about the
 * picture, a camera that never answers, a wrong password). A driver's own test and a certification in a running
 * installation use the same bench, so both check the same thing.
 *
 * <p>The configurations use the settings the shipped HTTP drivers share: {@code host}, {@code port},
 * {@code username}, {@code password}, {@code timeoutSeconds}.
 */
public abstract class CameraBench implements AutoCloseable {

    private final List<AutoCloseable> simulators = new ArrayList<>();

    /**
     * The bench for a protocol a driver names in its plugin metadata, if the test kit simulates it.
     *
     * @param testData the test kit's data folder (the ONVIF simulator serves captured replies of real cameras from
     *        its {@code onvif/responses})
     * @throws IllegalStateException when the protocol's simulator needs test data that is not there
     */
    public static Optional<CameraBench> forProtocols(List<String> protocols, Path testData) {
        for (String protocol : protocols) {
            String name = protocol.toUpperCase(Locale.ROOT);
            if (name.startsWith("ONVIF")) {
                Path responses = testData.resolve("onvif/responses");
                if (!Files.isDirectory(responses)) {
                    throw new IllegalStateException("the ONVIF simulator serves captured replies of real cameras "
                            + "from the test kit's data, and " + responses + " is not there");
                }
                return Optional.of(onvif(() -> responses));
            }
            if (name.equals("ISAPI")) {
                return Optional.of(isapi());
            }
        }
        return Optional.empty();
    }

    /** ONVIF Profile S cameras ({@link OnvifCameraSimulator}) with the test data's captures; skips without them. */
    public static CameraBench onvif() {
        return onvif(() -> TestData.require("onvif/responses"));
    }

    private static CameraBench onvif(Supplier<Path> responses) {
        return new CameraBench() {
            @Override
            public String protocol() {
                return "ONVIF";
            }

            @Override
            public Map<String, Object> working() throws IOException {
                return config(simulator("rtsp://127.0.0.1:8554/cam1"));
            }

            @Override
            public List<Map<String, Object>> hostile() throws IOException {
                OnvifCameraSimulator entities = simulator(null);
                entities.override("GetCapabilities", XXE.replace("ROOT", "x"));
                OnvifCameraSimulator garbage = simulator(null);
                garbage.override("GetProfiles", GARBAGE);
                OnvifCameraSimulator liar = simulator(null);
                liar.override("GetProfiles", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                        + "<s:Body><trt:GetProfilesResponse xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\"/>"
                        + "</s:Body></s:Envelope>");
                OnvifCameraSimulator hanging = simulator(null);
                hanging.stall("GetSystemDateAndTime");
                return List.of(config(entities), config(garbage), config(liar), config(hanging));
            }

            private OnvifCameraSimulator simulator(String rtspUrl) throws IOException {
                return keep(OnvifCameraSimulator.start(responses.get(), "uitkijk", "geheim", rtspUrl));
            }

            private Map<String, Object> config(OnvifCameraSimulator simulator) {
                return settings(simulator.port(), "uitkijk", "geheim");
            }
        };
    }

    /** Hikvision cameras over ISAPI ({@link HikvisionCameraSimulator}). */
    public static CameraBench isapi() {
        return new CameraBench() {
            @Override
            public String protocol() {
                return "ISAPI";
            }

            @Override
            public Map<String, Object> working() throws IOException {
                return settings(simulator().port(), "admin", PASSWORD);
            }

            @Override
            public Optional<Map<String, Object>> reconfiguration(Map<String, Object> working) {
                Map<String, Object> changed = new HashMap<>(working);
                changed.put("timeoutSeconds", 3);
                return Optional.of(changed);
            }

            @Override
            public List<Map<String, Object>> hostile() throws IOException {
                HikvisionCameraSimulator entities = simulator();
                entities.override("/ISAPI/System/deviceInfo", XXE.replace("ROOT", "DeviceInfo"));
                HikvisionCameraSimulator garbage = simulator();
                garbage.override("/ISAPI/Streaming/channels", GARBAGE);
                HikvisionCameraSimulator liar = simulator();
                liar.override("/ISAPI/Streaming/channels", "<StreamingChannelList><StreamingChannel><id>101</id>"
                        + "<Video><videoResolutionWidth>-1</videoResolutionWidth><videoResolutionHeight>99999999999"
                        + "</videoResolutionHeight></Video></StreamingChannel></StreamingChannelList>");
                HikvisionCameraSimulator hanging = simulator();
                hanging.stall("/ISAPI/System/deviceInfo");
                HikvisionCameraSimulator wrongPassword = simulator();
                return List.of(settings(entities.port(), "admin", PASSWORD),
                        settings(garbage.port(), "admin", PASSWORD), settings(liar.port(), "admin", PASSWORD),
                        settings(hanging.port(), "admin", PASSWORD), settings(wrongPassword.port(), "admin", "guess"));
            }

            private HikvisionCameraSimulator simulator() throws IOException {
                return keep(HikvisionCameraSimulator.start("admin", PASSWORD));
            }
        };
    }

    private static final String PASSWORD = "Heerlen-2026";
    private static final String XXE = "<!DOCTYPE ROOT [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ROOT>&e;</ROOT>";
    private static final String GARBAGE = "\u0000\u0001 garbage";

    /** The protocol simulated, as procurement reads it in the report. */
    public abstract String protocol();

    /** A camera that works. */
    public abstract Map<String, Object> working() throws IOException;

    /** Cameras that answer with hostile or broken replies. */
    public abstract List<Map<String, Object>> hostile() throws IOException;

    /** A changed configuration of the working camera a driver should take in place, if the bench has one. */
    public Optional<Map<String, Object>> reconfiguration(Map<String, Object> working) {
        return Optional.empty();
    }

    /** A camera nobody answers for: a loopback port that was free a moment ago. */
    public Map<String, Object> unreachable() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("host", "127.0.0.1", "port", free.getLocalPort(), "timeoutSeconds", 2);
        }
    }

    /** Stops every simulator the bench started. */
    @Override
    public void close() {
        for (AutoCloseable simulator : simulators) {
            try {
                simulator.close();
            } catch (Exception ignored) {
                // stopping a loopback simulator; nothing to recover
            }
        }
        simulators.clear();
    }

    protected <T extends AutoCloseable> T keep(T simulator) {
        simulators.add(simulator);
        return simulator;
    }

    protected static Map<String, Object> settings(int port, String username, String password) {
        return Map.of("host", "127.0.0.1", "port", port, "username", username, "password", password,
                "timeoutSeconds", 2);
    }
}
