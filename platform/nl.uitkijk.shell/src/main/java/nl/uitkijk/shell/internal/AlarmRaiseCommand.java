package nl.uitkijk.shell.internal;

import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "alarm-raise", description = "Raises an alarm by hand (as POST /api/v1/alarms); it "
        + "goes to the control rooms as every alarm does")
@Service
public class AlarmRaiseCommand implements Action {

    @Reference
    private AlarmQueue alarms;

    @Reference
    private CameraRegistry cameras;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Option(name = "--camera", description = "The camera it concerns")
    @Completion(CameraIdCompleter.class)
    private String cameraId;

    @Option(name = "--type", description = "Alarm type (default manual)")
    private String type = "manual";

    @Option(name = "--priority", description = "HIGH, MEDIUM, LOW or 1-5 (default HIGH)")
    private String priority = "HIGH";

    @Argument(index = 0, name = "description", required = true, description = "What is going on")
    private String description;

    @Override
    public Object execute() {
        String kind = type.strip().toLowerCase(java.util.Locale.ROOT);
        if (!kind.matches("[a-z0-9][a-z0-9._-]{0,31}") || kind.startsWith("delivery-")) {
            System.out.println("Error: --type: 1-32 letters, digits, '.', '_' or '-'");
            return null;
        }
        if (cameraId != null && cameras.camera(cameraId).isEmpty()) {
            System.out.println("Error: no camera '" + cameraId + "'");
            return null;
        }
        try {
            String user = String.valueOf(session.get("USER"));
            Alarm alarm = alarms.raise(cameraId, kind, Alarm.Priority.parse(priority), description, user);
            audit.record(user, AuditActions.ALARM_RAISE, cameraId == null ? "alarm " + alarm.number() : cameraId,
                    "console", description, kind + " " + alarm.priority() + " " + alarm.id());
            System.out.println("Alarm " + alarm.number() + " raised: " + alarm.id() + " ("
                    + alarms.deliveries(alarm.id()).size() + " control rooms)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.out.println("Error: " + e.getMessage());
        }
        return null;
    }
}
