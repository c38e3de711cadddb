package nl.uitkijk.shell.internal;

import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.analytics.AnalyticsPolicies.ModuleState;
import nl.uitkijk.api.camera.UnknownCameraException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "analytics-list", description = "The analytics modules of a camera: installed, "
        + "enabled, state, frames (as GET /api/v1/cameras/{id}/analytics)")
@Service
public class AnalyticsListCommand implements Action {

    @Reference
    private AnalyticsPolicies policies;

    @Argument(index = 0, name = "camera", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String camera;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Module", "Installed", "Enabled", "State", "Frames", "Dropped",
            "ms/frame", "Personal data", "Config", "Detail"}) {
            table.column(column);
        }
        try {
            for (ModuleState state : policies.states(camera)) {
                table.addRow().addContent(state.moduleId(), state.installed(), state.enabled(), state.state(),
                        state.framesAnalysed(), state.framesDropped(), String.format("%.1f",
                                state.cpuMillisPerFrame()), state.personalData(), state.config(), state.detail());
            }
        } catch (UnknownCameraException e) {
            System.out.println("Error: no camera '" + camera + "'");
            return null;
        }
        table.print(System.out);
        return null;
    }
}
