package nl.uitkijk.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.alarm.Alarm.Priority;
import nl.uitkijk.api.connector.ConnectorInstance;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.connector.Routing;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "connector-add", description = "Adds or changes a control-room connector instance "
        + "(as POST /api/v1/connectors)")
@Service
public class ConnectorAddCommand implements Action {

    @Reference
    private ControlRooms controlRooms;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Instance id (police)")
    private String id;

    @Argument(index = 1, name = "kind", required = true, description = "webhook, mqtt, dc09 (as installed)")
    private String kind;

    @Option(name = "-c", aliases = "--config", multiValued = true, description = "A setting, key=value")
    private List<String> config;

    @Option(name = "--label", description = "What operators see")
    private String label;

    @Option(name = "--types", multiValued = true, description = "Route only these alarm types")
    private List<String> types;

    @Option(name = "--min-priority", description = "Route only this urgent or more: HIGH, MEDIUM, LOW")
    private String minPriority;

    @Option(name = "--sites", multiValued = true, description = "Route only cameras of these sites")
    private List<String> sites;

    @Option(name = "--window", multiValued = true, description = "Route only in these times (Mon-Fri 08:00-18:00)")
    private List<String> windows;

    @Override
    public Object execute() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String pair : config == null ? List.<String>of() : config) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                System.out.println("Error: '" + pair + "' is not key=value");
                return null;
            }
            settings.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (label != null) {
            settings.put("label", label);
        }
        try {
            Routing routing = new Routing(types == null ? Set.of() : Set.copyOf(types), minPriority == null ? null
                    : Priority.parse(minPriority), Set.of(), sites == null ? Set.of() : Set.copyOf(sites), Set.of(),
                    windows == null ? List.of() : new ArrayList<>(windows));
            boolean existed = controlRooms.instance(id).isPresent();
            ConnectorInstance instance = controlRooms.put(id, kind, settings, routing);
            audit.record(String.valueOf(session.get("USER")), AuditActions.CONNECTOR_CHANGE, "connector " + id,
                    "console", existed ? "changed" : "added", instance.kind() + " " + instance.config());
            System.out.println("Connector " + id + (existed ? " changed" : " added") + ": " + instance.kind() + " "
                    + instance.config());
        } catch (IllegalArgumentException e) {
            System.out.println("Error: " + e.getMessage());
        }
        return null;
    }
}
