package nl.uitkijk.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An Axis camera's VAPIX on loopback, for driver tests and by hand ({@code main}). No capture of a real Axis camera
 * exists in the test data, so the replies follow the VAPIX documentation: {@code param.cgi?action=list} (brand,
 * properties, image sources), {@code com/ptz.cgi} (continuous moves, presets, home) and the event stream over
 * WebSocket ({@code /vapix/ws-data-stream?sources=events}: {@code events:configure}, then {@code events:notify}).
 * Every request, the WebSocket upgrade too, needs HTTP Digest (SHA-256, as current Axis OS offers it first).
 */
public final class AxisCameraSimulator implements AutoCloseable {

    public static final String MOTION_TOPIC = "tns1:VideoSource/tnsaxis:MotionAlarm";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final DigestGuard guard;
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> ptzCommands = new CopyOnWriteArrayList<>();
    private final Set<Session> subscribers = ConcurrentHashMap.newKeySet();
    private final List<String> configured = new CopyOnWriteArrayList<>();

    private AxisCameraSimulator(String username, String password, int port) throws Exception {
        this.guard = new DigestGuard("AXIS_B8A44F000001", username, password, "SHA-256");
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, context, container ->
                container.addMapping("/vapix/ws-data-stream", (request, response, callback) -> {
                    count("/vapix/ws-data-stream");
                    Optional<String> challenge = guard.challenge("GET", request.getHttpURI().getPathQuery(),
                            request.getHeaders().get(HttpHeader.AUTHORIZATION));
                    if (challenge.isPresent()) {
                        response.setStatus(401);
                        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge.get());
                        callback.succeeded();
                        return null;
                    }
                    return new EventStream();
                }));
        webSockets.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                answer(request, response, callback);
                return true;
            }
        });
        context.setHandler(webSockets);
        server.setHandler(context);
        server.start();
    }

    /** A PTZ camera on a free loopback port. */
    public static AxisCameraSimulator start(String username, String password) throws Exception {
        return new AxisCameraSimulator(username, password, 0);
    }

    /** Runs one until stopped: {@code AxisCameraSimulator [port] [user] [password]}. */
    public static void main(String[] args) throws Exception {
        try (AxisCameraSimulator simulator = new AxisCameraSimulator(args.length > 1 ? args[1] : "root",
                args.length > 2 ? args[2] : "pass", args.length > 0 ? Integer.parseInt(args[0]) : 8080)) {
            System.out.println("Axis VAPIX simulator on http://127.0.0.1:" + simulator.port()
                    + "/axis-cgi/param.cgi?action=list&group=root.Brand");
            simulator.server.join();
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Answers a path (e.g. {@code /axis-cgi/param.cgi}) with this body instead, status 200. */
    public void override(String path, String body) {
        overrides.put(path, body);
    }

    public int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The PTZ requests received, as their query strings. */
    public List<String> ptzCommands() {
        return List.copyOf(ptzCommands);
    }

    /** The {@code events:configure} messages received. */
    public List<String> configureMessages() {
        return List.copyOf(configured);
    }

    public int openEventStreams() {
        return subscribers.size();
    }

    public DigestGuard guard() {
        return guard;
    }

    /** Sends a motion alarm to every event stream: active, or ended. */
    public void emitMotion(boolean active) {
        String message = "{\"apiVersion\":\"1.0\",\"method\":\"events:notify\",\"params\":{\"notification\":{"
                + "\"topic\":\"" + MOTION_TOPIC + "\",\"timestamp\":" + System.currentTimeMillis()
                + ",\"message\":{\"source\":{\"window\":\"0\"},\"key\":{},\"data\":{\"motion\":\""
                + (active ? 1 : 0) + "\"}}}}}";
        subscribers.forEach(session -> session.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String path) {
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private void answer(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        count(path);
        Optional<String> challenge = guard.challenge(request.getMethod(), request.getHttpURI().getPathQuery(),
                request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (challenge.isPresent()) {
            response.setStatus(401);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge.get());
            Content.Sink.write(response, true, "401 Unauthorized", callback);
            return;
        }
        Fields query = Request.extractQueryParameters(request);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        String override = overrides.get(path);
        if (override != null) {
            Content.Sink.write(response, true, override, callback);
        } else if (path.equals("/axis-cgi/param.cgi") && "list".equals(query.getValue("action"))) {
            Content.Sink.write(response, true, parameters(query.getValue("group")), callback);
        } else if (path.equals("/axis-cgi/com/ptz.cgi")) {
            if ("presetposall".equals(query.getValue("query"))) {
                Content.Sink.write(response, true, "presetposno1=Home\npresetposno2=Markt\npresetposno3=Stationsplein\n",
                        callback);
            } else {
                ptzCommands.add(request.getHttpURI().getQuery());
                response.setStatus(204);
                callback.succeeded();
            }
        } else {
            response.setStatus(404);
            Content.Sink.write(response, true, "Not Found", callback);
        }
    }

    private static String parameters(String groups) {
        StringBuilder reply = new StringBuilder();
        for (String group : (groups == null ? "root" : groups).split(",")) {
            switch (group) {
                case "root.Brand" -> reply.append("root.Brand.Brand=AXIS\nroot.Brand.ProdFullName=AXIS Q6075-E PTZ "
                        + "Network Camera\nroot.Brand.ProdNbr=Q6075-E\nroot.Brand.ProdShortName=AXIS Q6075-E\n"
                        + "root.Brand.ProdType=PTZ Network Camera\n");
                case "root.Properties" -> reply.append("root.Properties.API.HTTP.Version=3\n"
                        + "root.Properties.Firmware.Version=10.12.165\nroot.Properties.Image.Format=jpeg,mjpeg,h264,h265\n"
                        + "root.Properties.Image.Resolution=1920x1080,1280x720,1024x576,800x450,640x360,480x270,320x180\n"
                        + "root.Properties.PTZ.PTZ=yes\nroot.Properties.System.SerialNumber=B8A44F000001\n");
                case "root.ImageSource" -> reply.append("root.ImageSource.NbrOfSources=1\n"
                        + "root.ImageSource.I0.Name=Camera 1\n");
                default -> reply.append("# Error: Error -1 getting param in group '").append(group).append("'\n");
            }
        }
        return reply.toString();
    }

    /** One subscriber of the event stream. */
    @WebSocket
    public class EventStream {

        private Session session;

        @OnWebSocketOpen
        public void open(Session opened) {
            this.session = opened;
        }

        @OnWebSocketMessage
        public void message(String text) {
            if (text.contains("\"events:configure\"")) {
                configured.add(text);
                subscribers.add(session);
                session.sendText("{\"apiVersion\":\"1.0\",\"method\":\"events:configure\",\"data\":{}}",
                        org.eclipse.jetty.websocket.api.Callback.NOOP);
            } else {
                session.sendText("{\"apiVersion\":\"1.0\",\"error\":{\"code\":2002,\"message\":\"Method not "
                        + "supported\"}}", org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }

        @OnWebSocketClose
        public void closed(int status, String reason) {
            subscribers.remove(session);
        }

        @OnWebSocketError
        public void failed(Throwable error) {
            subscribers.remove(session); // a client that drops the connection without a close frame
        }
    }
}
