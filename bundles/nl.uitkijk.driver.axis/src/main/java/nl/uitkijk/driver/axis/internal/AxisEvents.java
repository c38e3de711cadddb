package nl.uitkijk.driver.axis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.driver.base.CameraCallException;
import nl.uitkijk.driver.base.CameraHttp;
import nl.uitkijk.driver.base.KeptOpen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VAPIX event stream over WebSocket ({@code /vapix/ws-data-stream?sources=events}): subscribes to motion, tamper
 * and input topics with {@code events:configure} and turns {@code events:notify} messages into device events, one
 * per change of state. The upgrade carries an HTTP Digest answer (the JDK's WebSocket client has no authenticator);
 * no thread waits for messages. Messages are bounded; what cannot be read is dropped with a debug line.
 */
final class AxisEvents implements KeptOpen.Connection {

    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    static final String PATH = "/vapix/ws-data-stream?sources=events";
    private static final Logger LOG = LoggerFactory.getLogger(AxisEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIGURE = "{\"apiVersion\":\"1.0\",\"context\":\"uitkijk\",\"method\":"
            + "\"events:configure\",\"params\":{\"eventFilterList\":[{\"topicFilter\":\"tns1:VideoSource//.\"},"
            + "{\"topicFilter\":\"tns1:RuleEngine//.\"},{\"topicFilter\":\"tns1:Device/tnsaxis:IO//.\"}]}}";
    private static final List<String> STATE_KEYS = List.of("active", "state", "motion", "tampering", "triggered",
            "ismotion", "logicalstate");

    private final CameraContext context;
    private final HttpClient http;
    private final CameraHttp camera;
    private final Map<String, Boolean> states = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile WebSocket socket;

    AxisEvents(CameraContext context, HttpClient http, CameraHttp camera) {
        this.context = context;
        this.http = http;
        this.camera = camera;
    }

    /** Connects; {@link #ended()} completes when the stream closes or cannot be opened. */
    AxisEvents open() {
        connect(true);
        return this;
    }

    @Override
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /** Says goodbye to the camera (a close frame), then drops the connection. */
    @Override
    public void close() {
        WebSocket open = socket;
        ended.complete(null);
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "stopped").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                    .whenComplete((closed, error) -> open.abort());
        }
    }

    private void connect(boolean answerChallenge) {
        URI target = camera.uri(PATH);
        URI webSocket = URI.create("ws" + target.toString().substring(4));
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(camera.timeout());
        camera.digest().authorization("GET", target).ifPresent(value -> builder.header("Authorization", value));
        builder.buildAsync(webSocket, new Listener()).whenComplete((opened, error) -> {
            if (error == null) {
                socket = opened;
                if (ended.isDone()) {
                    opened.abort();
                }
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof WebSocketHandshakeException handshake && handshake.getResponse().statusCode() == 401
                    && answerChallenge) {
                try {
                    if (camera.digest().challenged(handshake.getResponse().headers())) {
                        connect(false);
                        return;
                    }
                } catch (CameraCallException e) {
                    cause = e;
                }
            }
            ended.completeExceptionally(cause);
        });
    }

    /** One message of the stream. */
    void message(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            LOG.debug("Camera '{}': an unreadable event message was dropped", context.cameraId());
            return;
        }
        if (message.has("error")) {
            LOG.debug("Camera '{}': the event stream refused: {}", context.cameraId(), message.path("error"));
            return;
        }
        if (!"events:notify".equals(message.path("method").asText())) {
            return;
        }
        JsonNode notification = message.path("params").path("notification");
        String topic = notification.path("topic").asText("");
        String type = type(topic);
        if (type == null) {
            return;
        }
        JsonNode data = notification.path("message").path("data");
        Boolean active = null;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) data::fields) {
            if (STATE_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                String value = field.getValue().asText();
                active = "1".equals(value) || "true".equalsIgnoreCase(value);
                break;
            }
        }
        if (active == null) {
            return;
        }
        String source = notification.path("message").path("source").toString();
        Boolean before = states.put(type + source, active);
        if (before == null ? active : before != active) {
            context.reportEvent(type, active, Map.of("topic", topic, "source", "VAPIX event stream"));
        }
    }

    /** The platform's kind of event for a VAPIX topic, or null for topics we do not pass on. */
    static String type(String topic) {
        String lower = topic.toLowerCase(Locale.ROOT);
        if (lower.contains("motionalarm") || lower.contains("vmd") || lower.contains("motiondetect")
                || lower.contains("motionregiondetector")) {
            return "motion";
        }
        if (lower.contains("tampering")) {
            return "tamper";
        }
        if (lower.contains("io/port") || lower.contains("digitalinput")) {
            return "input";
        }
        return null;
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private boolean oversized;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.sendText(CONFIGURE, true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!oversized && partial.length() + data.length() <= MAX_MESSAGE_CHARS) {
                partial.append(data);
            } else {
                oversized = true;
            }
            if (last) {
                if (oversized) {
                    LOG.debug("Camera '{}': an event message over {} characters was dropped", context.cameraId(),
                            MAX_MESSAGE_CHARS);
                } else {
                    message(partial.toString());
                }
                partial.setLength(0);
                oversized = false;
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.completeExceptionally(error);
        }
    }
}
