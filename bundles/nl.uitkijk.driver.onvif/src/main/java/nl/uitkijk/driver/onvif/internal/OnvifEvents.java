package nl.uitkijk.driver.onvif.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.camera.CameraContext;
import nl.uitkijk.driver.base.HttpCameraSettings;
import nl.uitkijk.driver.base.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera's events through an ONVIF PullPoint (Events service): a subscription, then long polls of PullMessages,
 * asynchronous so that no thread waits on a camera. Motion and tamper notifications become platform events;
 * a failed subscription is made again after a pause, for as long as the session runs.
 */
final class OnvifEvents {

    static final String EVENTS_NS = "http://www.onvif.org/ver10/events/wsdl";
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final long RESUBSCRIBE_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OnvifEvents.class);

    private final SoapClient soap;
    private final HttpCameraSettings settings;
    private final URI service;
    private final CameraContext context;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running = true;

    OnvifEvents(SoapClient soap, HttpCameraSettings settings, URI service, CameraContext context) {
        this.soap = soap;
        this.settings = settings;
        this.service = service;
        this.context = context;
        this.scheduler = context.scheduler();
    }

    void start() {
        subscribe();
    }

    void stop() {
        running = false;
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        soap.callAsync(service, "CreatePullPointSubscription", "<tev:CreatePullPointSubscription xmlns:tev=\""
                + EVENTS_NS + "\"><tev:InitialTerminationTime>PT60S</tev:InitialTerminationTime>"
                + "</tev:CreatePullPointSubscription>", Duration.ZERO).whenComplete((reply, error) -> {
                    if (error != null) {
                        retry("subscription", error);
                        return;
                    }
                    URI pullPoint = onConfiguredHost(reply.textAt("SubscriptionReference", "Address"));
                    pull(pullPoint);
                });
    }

    private void pull(URI pullPoint) {
        if (!running) {
            return;
        }
        long started = System.nanoTime();
        soap.callAsync(pullPoint, "PullMessages", "<tev:PullMessages xmlns:tev=\"" + EVENTS_NS + "\"><tev:Timeout>"
                + "PT" + POLL.toSeconds() + "S</tev:Timeout><tev:MessageLimit>20</tev:MessageLimit>"
                + "</tev:PullMessages>", POLL).whenComplete((reply, error) -> {
                    if (error != null) {
                        retry("pull", error);
                        return;
                    }
                    reply.all("NotificationMessage").forEach(this::notification);
                    // A camera that answers at once without messages is not long-polling: pace it to one a second.
                    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    schedule(() -> pull(pullPoint), Math.max(0, 1000 - elapsed));
                });
    }

    private void notification(XmlElement message) {
        String topic = message.textAt("Topic").toLowerCase(Locale.ROOT);
        String type = topic.contains("motion") ? "motion" : topic.contains("tamper") ? "tamper"
                : topic.contains("digitalinput") || topic.contains("trigger/relay") ? "input" : null;
        if (type == null) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        message.find("Data").findFirst().ifPresent(d -> d.all("SimpleItem").forEach(item ->
                data.put(item.attribute("Name"), item.attribute("Value"))));
        boolean active = data.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"))
                || data.isEmpty();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("topic", message.textAt("Topic"));
        data.forEach((k, v) -> details.put(k.length() > 64 ? k.substring(0, 64) : k, v.length() > 64
                ? v.substring(0, 64) : v));
        context.reportEvent(type, active, details);
    }

    private void retry(String what, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.debug("Events of camera '{}' ({}): {}", context.cameraId(), what, cause.getMessage());
        schedule(this::subscribe, TimeUnit.SECONDS.toMillis(RESUBSCRIBE_SECONDS));
    }

    private void schedule(Runnable task, long millis) {
        if (!running) {
            return;
        }
        try {
            scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running = false;
        }
    }

    /** The pull point's path on the configured host and port (never another host a reply names). */
    private URI onConfiguredHost(String reported) {
        try {
            URI uri = new URI(reported.strip());
            return new URI("http", null, settings.host().replaceAll("^\\[|\\]$", ""), settings.port(),
                    uri.getPath() == null || uri.getPath().isEmpty() ? "/onvif/events" : uri.getPath(),
                    uri.getQuery(), null);
        } catch (URISyntaxException | RuntimeException e) {
            return service;
        }
    }
}
