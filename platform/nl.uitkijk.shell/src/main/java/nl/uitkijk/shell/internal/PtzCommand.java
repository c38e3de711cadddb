package nl.uitkijk.shell.internal;

import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "ptz", description = "Pans, tilts or zooms a camera: move, stop, preset, home, presets")
@Service
public class PtzCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private LegalBasis legalBasis;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String id;

    @Argument(index = 1, name = "action", required = true, description = "move, stop, preset, home or presets")
    private String action;

    @Argument(index = 2, name = "preset", description = "Preset token (for preset)")
    private String preset;

    @Option(name = "--pan", description = "Pan velocity -1..1")
    private double pan;

    @Option(name = "--tilt", description = "Tilt velocity -1..1")
    private double tilt;

    @Option(name = "--zoom", description = "Zoom velocity -1..1")
    private double zoom;

    @Override
    public Object execute() throws Exception {
        var camera = registry.camera(id).orElse(null);
        if (camera == null) {
            System.out.println("Error: no camera '" + id + "'");
            return null;
        }
        LegalStatus legal = legalBasis.liveView(camera.definition(), java.time.Instant.now());
        if (!legal.permitted()) {
            System.out.println("Error: not permitted: " + legal.reason());
            return null;
        }
        PtzControl ptz = registry.ptz(id).orElse(null);
        if (ptz == null) {
            System.out.println("Error: camera '" + id + "' offers no pan, tilt or zoom");
            return null;
        }
        try {
            switch (action) {
                case "move" -> ptz.continuousMove(pan, tilt, zoom);
                case "stop" -> ptz.stop();
                case "home" -> ptz.gotoHome();
                case "preset" -> {
                    if (preset == null) {
                        System.out.println("Error: preset: a preset token is required");
                        return null;
                    }
                    ptz.gotoPreset(preset);
                }
                case "presets" -> {
                    ptz.presets().forEach(p -> System.out.println(p.token() + "  " + p.name()));
                    return null;
                }
                default -> {
                    System.out.println("Error: action: must be move, stop, preset, home or presets");
                    return null;
                }
            }
        } catch (PtzControl.PtzException e) {
            System.out.println("Error: the camera refused: " + e.getMessage());
            return null;
        }
        audit.record(String.valueOf(session.get("USER")), AuditActions.PTZ, id, "console", "", action
                + (preset == null ? "" : " " + preset));
        System.out.println("Sent " + action + " to " + id);
        return null;
    }
}
