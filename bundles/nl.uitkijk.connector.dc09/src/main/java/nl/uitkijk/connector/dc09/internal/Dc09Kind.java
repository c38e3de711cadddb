package nl.uitkijk.connector.dc09.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.connector.ConnectorKind;
import nl.uitkijk.connector.base.ConnectorChecks;
import nl.uitkijk.connector.base.PlainTextLinks;
import org.osgi.service.component.annotations.Component;

/** The SIA DC-09 kind: the receiver's address, the account and line identifiers, the optional AES key. */
@Component(service = ConnectorKind.class)
public class Dc09Kind implements ConnectorKind {

    static final String FACTORY_PID = "nl.uitkijk.connector.dc09";

    @Override
    public String kind() {
        return "dc09";
    }

    @Override
    public String label() {
        return "SIA DC-09 (alarm receiving centre, TCP/UDP)";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public Set<String> keys() {
        return Set.of("host", "port", "protocol", "account", "receiver", "prefix", "key", "format", "timeoutSeconds",
                "allowPlainText");
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of("key");
    }

    @Override
    public List<String> validate(Map<String, Object> configuration) {
        List<String> problems = new ArrayList<>();
        String host = string(configuration, "host", "");
        if (host.isBlank()) {
            problems.add("config.host: the receiver's host name or address");
        }
        try {
            int port = Integer.parseInt(string(configuration, "port", ""));
            if (port < 1 || port > 65535) {
                problems.add("config.port: 1 to 65535");
            }
        } catch (NumberFormatException e) {
            problems.add("config.port: the receiver's port");
        }
        if (!List.of("tcp", "udp").contains(string(configuration, "protocol", "tcp"))) {
            problems.add("config.protocol: tcp or udp");
        }
        if (!string(configuration, "account", "").matches("[0-9A-Fa-f]{3,16}")) {
            problems.add("config.account: 3 to 16 hex digits, as the receiving centre assigned");
        }
        if (!string(configuration, "receiver", "").matches("([0-9A-Fa-f]{1,6})?")) {
            problems.add("config.receiver: up to 6 hex digits (or empty)");
        }
        if (!string(configuration, "prefix", "0").matches("[0-9A-Fa-f]{1,6}")) {
            problems.add("config.prefix: 1 to 6 hex digits (the account prefix, L)");
        }
        if (!List.of("SIA-DCS", "ADM-CID").contains(string(configuration, "format", "SIA-DCS"))) {
            problems.add("config.format: SIA-DCS or ADM-CID");
        }
        String key = string(configuration, "key", "");
        if (!key.isEmpty() && !key.matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}")) {
            problems.add("config.key: AES-128, -192 or -256 in hex (32, 48 or 64 hex digits)");
        }
        if (key.isEmpty() && !host.isBlank() && !PlainTextLinks.loopback(host)
                && !Boolean.parseBoolean(string(configuration, "allowPlainText", "false"))) {
            problems.add("config.key: alarms to another host are encrypted (an AES key agreed with the receiving "
                    + "centre, or allowPlainText=true for a link inside a protected network)");
        }
        ConnectorChecks.timeoutProblem(configuration).ifPresent(problems::add);
        return problems;
    }

    private static String string(Map<String, Object> configuration, String key, String otherwise) {
        Object value = configuration.get(key);
        return value == null ? otherwise : String.valueOf(value).strip();
    }
}
