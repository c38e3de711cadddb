package nl.uitkijk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An ONVIF camera for tests and demonstrations, answering with the replies captured from a real camera
 * ({@code testdata/onvif/responses}): the addresses in them point to this simulator (and its RTSP stream to the one
 * given), its clock runs from the captured camera time (years off, as real cameras are), and every call except
 * GetSystemDateAndTime needs a WS-Security UsernameToken digest that is fresh by that clock and not replayed, as a
 * real camera demands. Tests can replace a reply (hostile XML, faults) or make an operation hang.
 *
 * <p>Run it: {@code java -cp nl.uitkijk.testkit.jar nl.uitkijk.testkit.OnvifCameraSimulator RESPONSES PORT USER
 * PASSWORD [RTSP-URL]}. It listens on 127.0.0.1 only.
 */
public final class OnvifCameraSimulator implements AutoCloseable {

    private static final Pattern UTC = Pattern.compile("<tt:UTCDateTime>.*?</tt:UTCDateTime>", Pattern.DOTALL);
    private static final Map<String, String> SERVICES = Map.of("http://www.onvif.org/ver10/device/wsdl", "device",
            "http://www.onvif.org/ver10/media/wsdl", "media", "http://www.onvif.org/ver20/ptz/wsdl", "ptz",
            "http://www.onvif.org/ver10/events/wsdl", "events", "http://www.onvif.org/ver20/imaging/wsdl", "imaging");

    private final Path responses;
    private final String username;
    private final String password;
    private final String rtspUrl;
    private final HttpServer server;
    private final Instant capturedClock;
    private final Instant startedAt = Instant.now();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger pendingEvents = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final DatagramSocket discovery;

    private OnvifCameraSimulator(Path responses, String username, String password, String rtspUrl, int port)
            throws IOException {
        this.responses = responses;
        this.username = username;
        this.password = password;
        this.rtspUrl = rtspUrl;
        this.capturedClock = capturedClock(Files.readString(responses.resolve("GetSystemDateAndTime.xml")));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "onvif-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        this.discovery = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread answering = new Thread(this::answerProbes, "onvif-simulator-discovery");
        answering.setDaemon(true);
        answering.start();
    }

    /** The UDP port where this camera answers WS-Discovery probes (unicast, on loopback). */
    public int discoveryPort() {
        return discovery.getLocalPort();
    }

    /** Answers each Probe with the captured ProbeMatch, pointing at this simulator and relating to the probe. */
    private void answerProbes() {
        byte[] buffer = new byte[65_507];
        while (!discovery.isClosed()) {
            try {
                DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
                discovery.receive(probe);
                String request = new String(probe.getData(), 0, probe.getLength(), StandardCharsets.UTF_8);
                Matcher id = Pattern.compile("MessageID>([^<]+)<").matcher(request);
                if (!request.contains("Probe") || !id.find()) {
                    continue;
                }
                calls.computeIfAbsent("Probe", k -> new AtomicInteger()).incrementAndGet();
                String match = Files.readString(responses.resolve("Probe.xml"))
                        .replace("RELATES_TO", id.group(1))
                        .replace("SERVICE_URI", "http://127.0.0.1:" + port() + "/onvif/device_service");
                byte[] reply = match.getBytes(StandardCharsets.UTF_8);
                discovery.send(new DatagramPacket(reply, reply.length, probe.getSocketAddress()));
            } catch (IOException e) {
                // closed, or one bad datagram
            }
        }
    }

    /** Starts on a free loopback port, with the captures of the test data folder; skips the test without them. */
    public static OnvifCameraSimulator start(String username, String password, String rtspUrl) throws IOException {
        return start(TestData.require("onvif/responses"), username, password, rtspUrl);
    }

    /** Starts on a free loopback port, with the captured replies in {@code responses} (test data onvif/responses). */
    public static OnvifCameraSimulator start(Path responses, String username, String password, String rtspUrl)
            throws IOException {
        return new OnvifCameraSimulator(responses, username, password, rtspUrl, 0);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: OnvifCameraSimulator RESPONSES-FOLDER PORT USER PASSWORD [RTSP-URL]");
            System.exit(2);
        }
        try (OnvifCameraSimulator simulator = new OnvifCameraSimulator(Path.of(args[0]), args[2], args[3],
                args.length > 4 ? args[4] : null, Integer.parseInt(args[1]))) {
            System.out.println("ONVIF camera at http://127.0.0.1:" + simulator.port() + "/onvif/device_service");
            simulator.closing.await();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers the operation (e.g. {@code GetProfiles}) with this body instead of the capture, with HTTP 200. */
    public void override(String operation, String reply) {
        overrides.put(operation, reply);
    }

    /** Accepts the operation and never answers (a camera that hangs). */
    public void stall(String operation) {
        stalled.add(operation);
    }

    /** The next PullMessages carries the captured motion notifications. */
    public void emitMotion() {
        pendingEvents.incrementAndGet();
    }

    /** How often the operation was asked for. */
    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** How many calls were refused for want of a valid UsernameToken. */
    public int refused() {
        return refused.get();
    }

    /** The simulated camera's clock: the captured time, running. */
    public Instant cameraTime() {
        return capturedClock.plus(Duration.between(startedAt, Instant.now()));
    }

    @Override
    public void close() {
        closing.countDown();
        discovery.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readNBytes(1 << 20);
            Element operation;
            Element envelope;
            try {
                envelope = parse(request);
                operation = firstElement(child(envelope, "Body"));
            } catch (Exception e) {
                answer(exchange, 400, fault("env:Sender", "ter:WellFormed", "malformed request"));
                return;
            }
            String name = operation.getLocalName();
            calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            if (stalled.contains(name)) {
                closing.await();
                return;
            }
            if (!name.equals("GetSystemDateAndTime") && !authorized(child(envelope, "Header"))) {
                refused.incrementAndGet();
                answer(exchange, 400, fault("env:Sender", "ter:NotAuthorized", "Sender not Authorized"));
                return;
            }
            String override = overrides.get(name);
            if (override != null) {
                answer(exchange, 200, override);
                return;
            }
            String service = SERVICES.getOrDefault(operation.getNamespaceURI(), "device");
            Path file = responses.resolve(service + "." + name + ".xml");
            if (!Files.isRegularFile(file)) {
                file = responses.resolve(name + ".xml");
            }
            if (!Files.isRegularFile(file)) {
                answer(exchange, 400, fault("env:Receiver", "ter:ActionNotSupported", name + " is not supported"));
                return;
            }
            if (name.equals("PullMessages")) {
                longPoll();
            }
            answer(exchange, 200, rewrite(Files.readString(file), name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A camera holds a PullMessages until it has something to say: here at most a second. */
    private void longPoll() throws InterruptedException {
        for (int i = 0; i < 20 && pendingEvents.get() == 0; i++) {
            Thread.sleep(50);
        }
    }

    /**
     * Points the captured addresses here, runs the clock, and fills in the captures that are templates of the
     * mock-up server they come from ({@code {{=it.port}}}, {@code {{? … }} … {{?}}} around notifications).
     */
    private String rewrite(String xml, String operation) {
        String local = "http://127.0.0.1:" + port() + "/";
        String rewritten = xml.replace("http://127.0.0.1/", local)
                .replace("{{=it.hostname}}", "127.0.0.1").replace("{{=it.port}}", Integer.toString(port()))
                .replace("{{=it.pullPointUrl}}", "/onvif/subscription?Idx=0")
                .replace("{{=new Date().toISOString()}}", Instant.now().toString())
                .replace("{{=new Date(Date.now()+5000).toISOString()}}", Instant.now().plusSeconds(5).toString());
        if (rewritten.contains("{{?")) {
            boolean include = pendingEvents.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            rewritten = Pattern.compile("\\{\\{\\?[^}]*}}(.*?)\\{\\{\\?}}", Pattern.DOTALL).matcher(rewritten)
                    .replaceAll(match -> include ? Matcher.quoteReplacement(match.group(1)) : "");
        }
        rewritten = rewritten.replaceAll("rtsp://127\\.0\\.0\\.1(:\\d+)?/[^<\"\\s]*", Matcher.quoteReplacement(
                rtspUrl == null ? "rtsp://127.0.0.1:554/h264main" : rtspUrl));
        if (operation.equals("GetSystemDateAndTime")) {
            ZonedDateTime now = cameraTime().atZone(ZoneOffset.UTC);
            rewritten = UTC.matcher(rewritten).replaceFirst(Matcher.quoteReplacement("<tt:UTCDateTime><tt:Time>"
                    + "<tt:Hour>" + now.getHour() + "</tt:Hour><tt:Minute>" + now.getMinute() + "</tt:Minute>"
                    + "<tt:Second>" + now.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>" + now.getYear()
                    + "</tt:Year><tt:Month>" + now.getMonthValue() + "</tt:Month><tt:Day>" + now.getDayOfMonth()
                    + "</tt:Day></tt:Date></tt:UTCDateTime>"));
        }
        return rewritten;
    }

    /** ONVIF Core 5.12: a digest over nonce, creation time and password, fresh by the camera's clock, used once. */
    private boolean authorized(Element header) {
        try {
            Element token = descendant(header, "UsernameToken");
            String user = text(descendant(token, "Username"));
            String digest = text(descendant(token, "Password"));
            String nonce = text(descendant(token, "Nonce"));
            String created = text(descendant(token, "Created"));
            Instant at = Instant.parse(created);
            if (!user.equals(username) || Duration.between(at, cameraTime()).abs().toMinutes() >= 5
                    || !nonces.add(nonce)) {
                return false;
            }
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce));
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(Base64.getDecoder().decode(digest), sha1.digest());
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String fault(String code, String subcode, String reason) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/"
                + "soap-envelope\" xmlns:ter=\"http://www.onvif.org/ver10/error\"><env:Body><env:Fault><env:Code>"
                + "<env:Value>" + code + "</env:Value><env:Subcode><env:Value>" + subcode + "</env:Value>"
                + "</env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">" + reason + "</env:Text>"
                + "</env:Reason></env:Fault></env:Body></env:Envelope>";
    }

    private static Instant capturedClock(String xml) {
        Matcher m = Pattern.compile("<tt:Hour>(\\d+)</tt:Hour>\\s*<tt:Minute>(\\d+)</tt:Minute>\\s*<tt:Second>(\\d+)"
                + "</tt:Second>.*?<tt:Year>(\\d+)</tt:Year>\\s*<tt:Month>(\\d+)</tt:Month>\\s*<tt:Day>(\\d+)</tt:Day>",
                Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            return Instant.now();
        }
        return ZonedDateTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), 0, ZoneOffset.UTC).toInstant();
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + localName);
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("empty");
    }

    private static Element descendant(Element parent, String localName) {
        var list = parent.getElementsByTagNameNS("*", localName);
        if (list.getLength() == 0) {
            throw new IllegalArgumentException("no " + localName);
        }
        return (Element) list.item(0);
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }
}
