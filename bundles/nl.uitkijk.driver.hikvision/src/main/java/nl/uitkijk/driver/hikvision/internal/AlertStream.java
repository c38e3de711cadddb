package nl.uitkijk.driver.hikvision.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.driver.base.XmlElement;
import nl.uitkijk.driver.base.XmlElement.XmlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Hikvision's alert stream ({@code /ISAPI/Event/notification/alertStream}: a never-ending multipart reply of
 * {@code <EventNotificationAlert>} documents) into device events. A detection is repeated about every second while
 * it lasts and often never said to end, so it counts as ended after {@link #QUIET} without a repetition. The
 * {@code videoloss}/{@code inactive} alerts that the camera sends as a heartbeat are dropped.
 */
final class AlertStream {

    static final Duration QUIET = Duration.ofSeconds(5);
    static final int MAX_ALERT_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    private static final Map<String, String> TYPES = Map.of("vmd", "motion", "motiondetection", "motion",
            "shelteralarm", "tamper", "tamperdetection", "tamper", "linedetection", "line-crossing",
            "fielddetection", "intrusion", "io", "input", "videoloss", "video-loss", "scenechangedetection", "tamper");

    private final CameraContext context;
    private final int input;
    private final Clock clock;
    private final StringBuilder alert = new StringBuilder();
    private final Map<String, Instant> active = new ConcurrentHashMap<>();
    private boolean collecting;

    AlertStream(CameraContext context, int input, Clock clock) {
        this.context = context;
        this.input = input;
        this.clock = clock;
    }

    /** One line of the stream; called by one thread at a time (the HTTP client's delivery). */
    void line(String line) {
        if (!collecting) {
            int start = line.indexOf("<EventNotificationAlert");
            if (start < 0) {
                return; // boundaries, part headers
            }
            collecting = true;
            line = line.substring(start);
        }
        if (alert.length() + line.length() > MAX_ALERT_BYTES) {
            LOG.debug("Camera '{}': an alert longer than {} bytes was dropped", context.cameraId(), MAX_ALERT_BYTES);
            alert.setLength(0);
            collecting = false;
            return;
        }
        alert.append(line).append('\n');
        if (line.contains("</EventNotificationAlert>")) {
            String document = alert.substring(0, alert.indexOf("</EventNotificationAlert>")
                    + "</EventNotificationAlert>".length());
            alert.setLength(0);
            collecting = false;
            alert(document);
        }
    }

    private void alert(String document) {
        XmlElement alert;
        try {
            alert = XmlElement.parse(document.getBytes(StandardCharsets.UTF_8));
        } catch (XmlException e) {
            LOG.debug("Camera '{}': an unusable alert was dropped: {}", context.cameraId(), e.getMessage());
            return;
        }
        String channel = alert.textAt("channelID").isBlank() ? alert.textAt("dynChannelID") : alert.textAt("channelID");
        if (!channel.isBlank() && !channel.equals(Integer.toString(input))) {
            return; // another input of the same device
        }
        String eventType = alert.textAt("eventType");
        String type = TYPES.get(eventType.toLowerCase(Locale.ROOT));
        if (type == null) {
            return;
        }
        boolean isActive = "active".equalsIgnoreCase(alert.textAt("eventState"));
        Map<String, String> details = Map.of("eventType", eventType, "description",
                alert.textAt("eventDescription"), "source", "ISAPI alertStream");
        if (isActive) {
            if (active.put(type, clock.instant()) == null) {
                context.reportEvent(type, true, details);
                context.scheduler().schedule(() -> endIfQuiet(type, details), QUIET.toMillis(), TimeUnit.MILLISECONDS);
            }
        } else if (active.remove(type) != null) {
            context.reportEvent(type, false, details);
        }
    }

    /** Ends a detection that was not repeated for {@link #QUIET}, or looks again later. */
    void endIfQuiet(String type, Map<String, String> details) {
        Instant last = active.get(type);
        if (last == null) {
            return;
        }
        Duration since = Duration.between(last, clock.instant());
        if (since.compareTo(QUIET) >= 0) {
            if (active.remove(type, last)) {
                context.reportEvent(type, false, details);
            }
        } else {
            context.scheduler().schedule(() -> endIfQuiet(type, details), QUIET.minus(since).toMillis() + 1,
                    TimeUnit.MILLISECONDS);
        }
    }
}
