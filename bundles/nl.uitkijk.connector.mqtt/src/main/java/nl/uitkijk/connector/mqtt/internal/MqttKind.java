package nl.uitkijk.connector.mqtt.internal;

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

/** The MQTT kind: a broker URI, a topic prefix, optional credentials. */
@Component(service = ConnectorKind.class)
public class MqttKind implements ConnectorKind {

    static final String FACTORY_PID = "nl.uitkijk.connector.mqtt";

    @Override
    public String kind() {
        return "mqtt";
    }

    @Override
    public String label() {
        return "MQTT (QoS 1, Eclipse Paho)";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public Set<String> keys() {
        return Set.of("broker", "topicPrefix", "clientId", "username", "password", "timeoutSeconds", "allowPlainTcp");
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("password");
    }

    @Override
    public List<String> validate(Map<String, Object> configuration) {
        List<String> problems = new ArrayList<>();
        Object broker = configuration.get("broker");
        try {
            URI uri = new URI(broker == null ? "" : String.valueOf(broker));
            if (!List.of("tcp", "ssl").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null
                    || uri.getPort() <= 0) {
                problems.add("config.broker: tcp://host:port or ssl://host:port");
            } else if (uri.getScheme().equals("tcp") && !PlainTextLinks.loopback(uri.getHost())
                    && !Boolean.parseBoolean(String.valueOf(configuration.get("allowPlainTcp")))) {
                problems.add("config.broker: alarms go over TLS (ssl://) to another host (allowPlainTcp=true for a "
                        + "link inside a protected network)");
            }
        } catch (URISyntaxException e) {
            problems.add("config.broker: " + e.getMessage());
        }
        String prefix = String.valueOf(configuration.getOrDefault("topicPrefix", "uitkijk"));
        if (prefix.isBlank() || prefix.contains("#") || prefix.contains("+") || prefix.startsWith("/")
                || prefix.endsWith("/") || prefix.length() > 200) {
            problems.add("config.topicPrefix: a topic without wildcards (#, +) nor a leading or trailing '/'");
        }
        if (configuration.get("password") != null && configuration.get("username") == null) {
            problems.add("config.username: required with a password");
        }
        ConnectorChecks.timeoutProblem(configuration).ifPresent(problems::add);
        return problems;
    }
}
