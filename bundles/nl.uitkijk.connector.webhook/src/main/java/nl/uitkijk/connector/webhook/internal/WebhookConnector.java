package nl.uitkijk.connector.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.uitkijk.api.connector.Alarm;
import nl.uitkijk.api.connector.ControlRoomConnector;
import nl.uitkijk.api.connector.DeliveryResult;
import nl.uitkijk.api.connector.DeliveryResult.Outcome;
import nl.uitkijk.api.security.Secrets;
import nl.uitkijk.connector.base.AlarmDocument;
import nl.uitkijk.connector.base.ConnectorChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control room's webhook: each alarm is a POST of its JSON document ({@link AlarmDocument}) with the Standard
 * Webhooks headers, {@code webhook-id} being the alarm's id. A 2xx answer delivers it; 408, 429 and 5xx, a timeout
 * or no connection leave it to the outbox to retry; any other answer (4xx, a redirect, which is never followed) is a
 * refusal for good. One instance per factory configuration of {@value WebhookKind#FACTORY_PID}.
 */
@nl.uitkijk.api.plugin.Plugin(kind = "connector", vendor = "Uitkijk", licence = "EPL-2.0", personalData = {"IMAGES"},
        protocols = {"HTTPS", "Standard Webhooks"}, models = {}, securityContact = "SECURITY.md",
        summary = "Alarms to a control room over HTTPS, signed as Standard Webhooks, with a live hand-over link")
@Component(service = ControlRoomConnector.class, configurationPid = WebhookKind.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookConnector.Configuration.class, factory = true)
public class WebhookConnector implements ControlRoomConnector {

    @ObjectClassDefinition(name = "Uitkijk webhook connector", description = "A control room that receives alarms "
            + "as signed HTTPS POSTs.")
    public @interface Configuration {
        @AttributeDefinition(name = "Instance id")
        String uitkijk_connector_id();

        @AttributeDefinition(name = "Label", required = false)
        String uitkijk_connector_label() default "";

        @AttributeDefinition(name = "URL", description = "The control room's endpoint (https://…).")
        String url();

        @AttributeDefinition(name = "Secret", description = "Signing secret: raw, or base64 after whsec_.",
                type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String secret();

        @AttributeDefinition(name = "Timeout (s)", required = false)
        int timeoutSeconds() default 5;

        @AttributeDefinition(name = "Allow plain HTTP to another host", required = false)
        boolean allowPlainHttp() default false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConnector.class);
    /** How long a confirmed delivery vouches for the connection. */
    private static final Duration RECENT = Duration.ofSeconds(60);

    private final String id;
    private final String label;
    private final URI url;
    private final WebhookSignature signature;
    private final int timeoutMillis;
    private final Clock clock;
    private volatile Instant lastReached;
    private volatile boolean lastFailed;

    @Activate
    public WebhookConnector(Configuration configuration, @Reference Secrets secrets) {
        this(configuration.uitkijk_connector_id(), configuration.uitkijk_connector_label(),
                URI.create(configuration.url()), secrets.open(configuration.secret()),
                Duration.ofSeconds(Math.max(1, configuration.timeoutSeconds())), Clock.systemUTC());
    }

    WebhookConnector(String id, String label, URI url, String secret, Duration timeout, Clock clock) {
        this.id = id;
        this.label = label == null || label.isBlank() ? id : label;
        this.url = url;
        this.signature = new WebhookSignature(secret);
        if (WebhookSignature.key(secret).length < WebhookKind.MIN_SECRET_BYTES) {
            LOG.warn("Webhook {}: the signing secret has fewer than {} bytes and is guessable; ask the control room "
                    + "for a longer one", id, WebhookKind.MIN_SECRET_BYTES);
        }
        this.timeoutMillis = (int) timeout.toMillis();
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public DeliveryResult deliver(Alarm alarm) {
        byte[] body = AlarmDocument.bytes(alarm);
        long timestamp = clock.instant().getEpochSecond();
        String messageId = alarm.id().toString();
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) url.toURL().openConnection();
            http.setConnectTimeout(timeoutMillis);
            http.setReadTimeout(timeoutMillis);
            http.setInstanceFollowRedirects(false);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            // not streamed: the small body goes out with the headers in one write (streamed, the second small write
            // waits on the first's ACK: 1.5 ms instead of 0.4 ms a delivery on loopback, measured)
            http.setRequestProperty("Content-Type", "application/json");
            http.setRequestProperty("User-Agent", "Uitkijk-VMS");
            http.setRequestProperty("webhook-id", messageId);
            http.setRequestProperty("webhook-timestamp", Long.toString(timestamp));
            http.setRequestProperty("webhook-signature", signature.sign(messageId, timestamp, body));
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            String reply = drain(http, status);
            lastReached = clock.instant();
            lastFailed = false;
            return outcome(status, reply);
        } catch (IOException | RuntimeException e) {
            lastFailed = true;
            LOG.debug("Webhook {}: {}", id, e.toString());
            return new DeliveryResult(Outcome.RETRY, url.getHost() + ":" + port() + " " + describe(e));
        } finally {
            if (http != null && lastFailed) {
                http.disconnect();
            }
        }
    }

    static DeliveryResult outcome(int status, String reply) {
        String detail = "HTTP " + status + (reply.isEmpty() ? "" : ": " + reply);
        if (status >= 200 && status < 300) {
            return new DeliveryResult(Outcome.DELIVERED, detail);
        }
        if (status == 408 || status == 429 || status >= 500 || status < 100) {
            return new DeliveryResult(Outcome.RETRY, detail);
        }
        return new DeliveryResult(Outcome.REJECTED, detail);
    }

    /** Reads (and so frees for keep-alive) the answer; keeps its start for the operator. */
    private static String drain(HttpURLConnection http, int status) throws IOException {
        InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
        if (in == null) {
            return "";
        }
        try (in) {
            byte[] start = in.readNBytes(200);
            in.skip(64 * 1024);
            return new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private int port() {
        return url.getPort() > 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
    }

    /** A delivery reached the receiver lately; else whether it takes a connection now. */
    @Override
    public boolean connected() {
        Instant reached = lastReached;
        if (!lastFailed && reached != null && reached.plus(RECENT).isAfter(clock.instant())) {
            return true;
        }
        return ConnectorChecks.takesConnections(url.getHost(), port(), timeoutMillis);
    }
}
