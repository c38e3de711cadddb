package ${package};

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.connector.ConnectorKind;
import org.osgi.service.component.annotations.Component;

/** The ${name} kind: what an instance needs, checked before it is stored. */
@Component(service = ConnectorKind.class)
public class ${nameClass}Kind implements ConnectorKind {

    static final String FACTORY_PID = "${package}.${name}";

    @Override
    public String kind() {
        return "${name}";
    }

    @Override
    public String label() {
        return "${nameClass} control room";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public Set<String> keys() {
        return Set.of("host", "port", "timeoutSeconds");
    }

    @Override
    public Set<String> secretKeys() {
        return Set.of();
    }

    @Override
    public List<String> validate(Map<String, Object> configuration) {
        List<String> problems = new ArrayList<>();
        if (configuration.get("host") == null || String.valueOf(configuration.get("host")).isBlank()) {
            problems.add("config.host: the control room's host");
        }
        try {
            int port = Integer.parseInt(String.valueOf(configuration.get("port")));
            if (port < 1 || port > 65535) {
                problems.add("config.port: 1 to 65535");
            }
        } catch (NumberFormatException e) {
            problems.add("config.port: the control room's port");
        }
        return problems;
    }
}
