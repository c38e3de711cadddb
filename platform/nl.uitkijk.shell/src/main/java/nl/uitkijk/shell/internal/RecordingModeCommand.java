package nl.uitkijk.shell.internal;

import java.time.Duration;
import java.util.List;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.recording.RecordingPolicies;
import nl.uitkijk.api.recording.RecordingPolicy;
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
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Command(scope = "vms", name = "recording-mode", description = "Shows or sets how a camera is recorded")
@Service
public class RecordingModeCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private RecordingPolicies policies;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Argument(index = 0, name = "id", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String id;

    @Argument(index = 1, name = "mode", description = "CONTINUOUS, EVENT or OFF; absent: show")
    @Completion(values = { "CONTINUOUS", "EVENT", "OFF" }, caseSensitive = false, value = StringsCompleter.class)
    private String mode;

    @Option(name = "--pre", description = "Event mode: seconds kept before an event")
    private Long pre;

    @Option(name = "--post", description = "Event mode: seconds recorded after the last event")
    private Long post;

    @Override
    public Object execute() throws InvalidCameraException, UnknownCameraException {
        registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        if (mode != null) {
            RecordingPolicy.Mode parsed;
            try {
                parsed = RecordingPolicy.Mode.valueOf(mode.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidCameraException(List.of(new ConfigProblem("mode",
                        "must be CONTINUOUS, EVENT or OFF")));
            }
            RecordingPolicy current = policies.policy(id);
            policies.set(id, new RecordingPolicy(parsed, pre == null ? current.preEvent() : Duration.ofSeconds(pre),
                    post == null ? current.postEvent() : Duration.ofSeconds(post)));
            RecordingPolicy now = policies.policy(id);
            audit.record(String.valueOf(session.get("USER")), AuditActions.RECORDING_POLICY, id, "console", "",
                    "mode=" + now.mode() + " preEventSeconds=" + now.preEvent().toSeconds() + " postEventSeconds="
                            + now.postEvent().toSeconds());
        }
        RecordingPolicy policy = policies.policy(id);
        System.out.println(id + ": " + policy.mode() + " (pre-event " + policy.preEvent().toSeconds()
                + " s, post-event " + policy.postEvent().toSeconds() + " s)");
        return null;
    }
}
