package nl.uitkijk.connector.webhook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.connector.ConnectorKind;
import nl.uitkijk.connector.base.ConnectorChecks;
import nl.uitkijk.connector.base.PlainTextLinks;
import org.osgi.service.component.annotations.Component;

/** The webhook kind: what an instance needs and what makes it wrong, said before it is stored. */
@Component(service = ConnectorKind.class)
public class WebhookKind implements ConnectorKind {

    static final String FACTORY_PID = "nl.uitkijk.connector.webhook";
    /**
     * Shorter secrets are guessable (Standard Webhooks' own are 24 bytes or more); the control room chooses the
     * secret, so a shorter one is taken and warned about in the log, not refused.
     */
    static final int MIN_SECRET_BYTES = 16;

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public String label() {
        return "Webhook (HTTPS POST, Standard Webhooks signature)";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public Set<String> keys() {
        return Set.of("url", "secret", "timeoutSeconds", "allowPlainHttp");
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("secret");
    }

    @Override
    public List<String> validate(Map<String, Object> configuration) {
        List<String> problems = new ArrayList<>();
        Object url = configuration.get("url");
        try {
            URI uri = new URI(url == null ? "" : String.valueOf(url));
            if (!uri.isAbsolute() || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                problems.add("config.url: an absolute http(s) URL of the control room's endpoint");
            } else if (uri.getUserInfo() != null) {
                problems.add("config.url: no credentials in the URL (the signature authenticates us)");
            } else if (uri.getScheme().equals("http") && !PlainTextLinks.loopback(uri.getHost())
                    && !Boolean.parseBoolean(String.valueOf(configuration.get("allowPlainHttp")))) {
                problems.add("config.url: alarms go over HTTPS to another host (allowPlainHttp=true for a link "
                        + "inside a protected network)");
            }
        } catch (URISyntaxException e) {
            problems.add("config.url: " + e.getMessage());
        }
        Object secret = configuration.get("secret");
        try {
            if (secret == null || WebhookSignature.key(String.valueOf(secret)).length == 0) {
                problems.add("config.secret: required (raw, or base64 after whsec_), the control room's to verify");
            }
        } catch (IllegalArgumentException e) {
            problems.add("config.secret: after whsec_ comes base64");
        }
        ConnectorChecks.timeoutProblem(configuration).ifPresent(problems::add);
        return problems;
    }
}
