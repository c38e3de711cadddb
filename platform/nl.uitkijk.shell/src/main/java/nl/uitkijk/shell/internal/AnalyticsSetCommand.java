package nl.uitkijk.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.analytics.AnalyticsPolicies.ModuleState;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.UnknownCameraException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * Switches a module on or off for a camera. The stored configuration is kept, with {@code -c key=value} settings
 * laid over it (numbers and words; zones and lines are set over REST or in the console, where they are drawn).
 */
@Command(scope = "vms", name = "analytics-set", description = "Switches an analytics module on or off for a camera "
        + "(as PUT /api/v1/cameras/{id}/analytics/{moduleId}); the legal gate applies")
@Service
public class AnalyticsSetCommand implements Action {

    @Reference
    private AnalyticsPolicies policies;

    @Reference
    private Session session;

    @Argument(index = 0, name = "camera", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String camera;

    @Argument(index = 1, name = "module", required = true, description = "Module id: motion, people, …")
    private String module;

    @Option(name = "--off", description = "Switch it off (default: on)")
    private boolean off;

    @Option(name = "-c", aliases = "--config", multiValued = true, description = "A setting, key=value "
            + "(e.g. sensitivity=7)")
    private List<String> config;

    @Option(name = "--alarm", description = "Alarm priority per episode: HIGH, MEDIUM, LOW, NONE")
    private String alarm;

    @Option(name = "--schedule", multiValued = true, description = "Run only in these weekly windows "
            + "(Mon-Fri 22:00-06:00); --schedule always: no schedule")
    private List<String> schedule;

    @Override
    public Object execute() {
        try {
            ModuleState now = policies.states(camera).stream().filter(state -> state.moduleId().equals(module))
                    .findFirst().orElse(null);
            Map<String, Object> settings = new LinkedHashMap<>(now == null ? Map.of() : now.config());
            settings.putAll(ConfigPairs.parse(config));
            String priority = alarm != null ? alarm : now == null ? null : now.alarmPriority();
            List<String> windows = schedule == null ? now == null ? List.of() : now.schedule()
                    : schedule.equals(List.of("always")) ? List.of() : schedule;
            ModuleState state = policies.set(camera, module, !off, settings, priority, windows,
                    String.valueOf(session.get("USER")));
            System.out.println(module + " on " + camera + ": " + state.state() + (state.detail().isEmpty() ? ""
                    : " (" + state.detail() + ")"));
        } catch (UnknownCameraException e) {
            System.out.println("Error: no camera '" + camera + "'");
        } catch (InvalidCameraException e) {
            System.out.println("Error: " + e.getMessage());
        } catch (AnalyticsPolicies.LegalRefusalException e) {
            System.out.println("Refused: " + e.getMessage());
        } catch (RuntimeException e) {
            System.out.println("Error: " + e.getMessage());
        }
        return null;
    }
}
