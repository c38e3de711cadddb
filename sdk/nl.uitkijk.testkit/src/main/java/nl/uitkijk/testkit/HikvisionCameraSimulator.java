package nl.uitkijk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hikvision camera's ISAPI on loopback, for driver tests and by hand ({@code main}). No capture of a real
 * Hikvision camera exists in the test data, so the replies are written from Hikvision's ISAPI documentation (the
 * {@code ver20} schema): deviceInfo, the streaming channel list (101 main, 102 sub), PTZ (continuous, presets, home)
 * and the alert stream, a multipart reply with a heartbeat every second and motion alerts on
 * {@link #emitMotion(int)}. Every request needs HTTP Digest (MD5, as these cameras do); {@link #override} and
 * {@link #stall} make it lie or hang.
 */
public final class HikvisionCameraSimulator implements AutoCloseable {

    static final String NS = "xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"";
    private static final String BOUNDARY = "boundary";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hikvision-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final DigestGuard guard;
    private final boolean ptz;
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> ptzCommands = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<String> ptzListener = command -> { };
    private final AtomicInteger motionSeconds = new AtomicInteger();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    private HikvisionCameraSimulator(String username, String password, boolean ptz, int port) throws IOException {
        this.guard = new DigestGuard("IP Camera(C12345678)", username, password, "MD5");
        this.ptz = ptz;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A PTZ camera on a free loopback port. */
    public static HikvisionCameraSimulator start(String username, String password) throws IOException {
        return new HikvisionCameraSimulator(username, password, true, 0);
    }

    /** Runs one until stopped: {@code HikvisionCameraSimulator [port] [user] [password]}. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        try (HikvisionCameraSimulator simulator = new HikvisionCameraSimulator(args.length > 1 ? args[1] : "admin",
                args.length > 2 ? args[2] : "admin", true, port)) {
            System.out.println("Hikvision ISAPI simulator on http://127.0.0.1:" + simulator.port()
                    + "/ISAPI/System/deviceInfo");
            Thread.currentThread().join();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers a path (e.g. {@code /ISAPI/Streaming/channels}) with this body instead, status 200. */
    public void override(String path, String body) {
        overrides.put(path, body);
    }

    /** Never answers a path until closed. */
    public void stall(String path) {
        stalled.add(path);
    }

    /** Motion on channel 1 for this many seconds: an active VMD alert each second, as the cameras send them. */
    public void emitMotion(int seconds) {
        motionSeconds.set(seconds);
    }

    public int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    /**
     * Told of every PTZ command as it is accepted ("PUT path body"), e.g. to move a live test picture
     * ({@link LiveRtspCamera#showText}) as a real dome's picture moves.
     */
    public void onPtz(java.util.function.Consumer<String> listener) {
        ptzListener = listener;
    }

    /** The PTZ requests received, as "PUT path body". */
    public List<String> ptzCommands() {
        return List.copyOf(ptzCommands);
    }

    /** How many alert streams are open now. */
    public int openAlertStreams() {
        return openStreams.get();
    }

    public DigestGuard guard() {
        return guard;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (!guard.admit(exchange)) {
            return;
        }
        if (stalled.contains(path)) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        String override = overrides.get(path);
        if (override != null) {
            answer(exchange, 200, override);
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (path) {
            case "/ISAPI/System/deviceInfo" -> answer(exchange, 200, deviceInfo());
            case "/ISAPI/Streaming/channels" -> answer(exchange, 200, channels());
            case "/ISAPI/Event/notification/alertStream" -> alertStream(exchange);
            default -> {
                if (path.startsWith("/ISAPI/PTZCtrl/channels/1/") && ptz) {
                    ptz(exchange, path, body);
                } else {
                    answer(exchange, 404, status(path, "4", "Invalid Operation", "notSupport"));
                }
            }
        }
    }

    private void ptz(HttpExchange exchange, String path, String body) throws IOException {
        String operation = path.substring("/ISAPI/PTZCtrl/channels/1/".length());
        if (operation.equals("capabilities")) {
            answer(exchange, 200, "<PTZChanelCap version=\"2.0\" " + NS + "><AbsolutePanTiltPositionSpace/>"
                    + "<ContinuousPanTiltSpace><XRange><Min>-100</Min><Max>100</Max></XRange></ContinuousPanTiltSpace>"
                    + "<maxPresetNum>300</maxPresetNum></PTZChanelCap>");
        } else if (operation.equals("presets") && exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 200, "<PTZPresetList version=\"2.0\" " + NS + ">"
                    + "<PTZPreset><enabled>true</enabled><id>1</id><presetName>Pancratiusplein</presetName></PTZPreset>"
                    + "<PTZPreset><enabled>true</enabled><id>2</id><presetName>Saroleastraat</presetName></PTZPreset>"
                    + "</PTZPresetList>");
        } else if (exchange.getRequestMethod().equals("PUT") && (operation.equals("continuous")
                || operation.equals("homeposition/goto") || operation.matches("presets/[0-9]+/goto"))) {
            ptzCommands.add("PUT " + path + " " + body);
            ptzListener.accept("PUT " + path + " " + body);
            answer(exchange, 200, status(path, "1", "OK", "ok"));
        } else {
            answer(exchange, 400, status(path, "4", "Invalid Operation", "invalidOperation"));
        }
    }

    private void alertStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "multipart/mixed; boundary=" + BOUNDARY);
        exchange.sendResponseHeaders(200, 0);
        openStreams.incrementAndGet();
        try (OutputStream out = exchange.getResponseBody()) {
            int count = 0;
            while (!closing.await(1, TimeUnit.SECONDS)) {
                boolean motion = motionSeconds.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                String alert = alert(++count, motion ? "VMD" : "videoloss", motion ? "active" : "inactive",
                        motion ? "Motion alarm" : "videoloss alarm");
                out.write(("--" + BOUNDARY + "\r\nContent-Type: application/xml; charset=\"UTF-8\"\r\n"
                        + "Content-Length: " + alert.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + alert
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or we are closing
        } finally {
            openStreams.decrementAndGet();
        }
    }

    private static String alert(int count, String type, String state, String description) {
        return "<EventNotificationAlert version=\"2.0\" " + NS + ">\r\n<ipAddress>127.0.0.1</ipAddress>\r\n"
                + "<portNo>80</portNo>\r\n<protocol>HTTP</protocol>\r\n<macAddress>44:19:b6:00:00:01</macAddress>\r\n"
                + "<channelID>1</channelID>\r\n<dateTime>" + OffsetDateTime.now(ZoneOffset.ofHours(1)).withNano(0)
                + "</dateTime>\r\n<activePostCount>" + count + "</activePostCount>\r\n<eventType>" + type
                + "</eventType>\r\n<eventState>" + state + "</eventState>\r\n<eventDescription>" + description
                + "</eventDescription>\r\n</EventNotificationAlert>";
    }

    private static String deviceInfo() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeviceInfo version=\"2.0\" " + NS + ">\n"
                + "<deviceName>Heerlen Promenade</deviceName>\n<deviceID>88a1f0e2-0000-0000-0000-c056e3000001</deviceID>\n"
                + "<model>DS-2DE4425IW-DE</model>\n<serialNumber>DS-2DE4425IW-DE20200101CCWRC12345678</serialNumber>\n"
                + "<macAddress>44:19:b6:00:00:01</macAddress>\n<firmwareVersion>V5.7.3</firmwareVersion>\n"
                + "<firmwareReleasedDate>build 220112</firmwareReleasedDate>\n<deviceType>IPDome</deviceType>\n"
                + "</DeviceInfo>\n";
    }

    private static String channels() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StreamingChannelList version=\"2.0\" " + NS + ">\n"
                + channel(101, "H.264", 2560, 1440, 2500) + channel(102, "H.264", 640, 360, 1250)
                + channel(103, "MJPEG", 352, 288, 100).replace("<enabled>true</enabled>", "<enabled>false</enabled>")
                + "</StreamingChannelList>\n";
    }

    private static String channel(int id, String codec, int width, int height, int maxFrameRate) {
        return "<StreamingChannel version=\"2.0\"><id>" + id + "</id><channelName>Camera 01</channelName>"
                + "<enabled>true</enabled><Transport><maxPacketSize>1000</maxPacketSize><ControlProtocolList>"
                + "<ControlProtocol><streamingTransport>RTSP</streamingTransport></ControlProtocol>"
                + "</ControlProtocolList></Transport><Video><enabled>true</enabled><videoInputChannelID>1"
                + "</videoInputChannelID><videoCodecType>" + codec + "</videoCodecType><videoScanType>progressive"
                + "</videoScanType><videoResolutionWidth>" + width + "</videoResolutionWidth><videoResolutionHeight>"
                + height + "</videoResolutionHeight><videoQualityControlType>VBR</videoQualityControlType>"
                + "<maxFrameRate>" + maxFrameRate + "</maxFrameRate></Video></StreamingChannel>\n";
    }

    private static String status(String path, String code, String text, String sub) {
        return "<ResponseStatus version=\"2.0\" " + NS + "><requestURL>" + path + "</requestURL><statusCode>" + code
                + "</statusCode><statusString>" + text + "</statusString><subStatusCode>" + sub
                + "</subStatusCode></ResponseStatus>";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
