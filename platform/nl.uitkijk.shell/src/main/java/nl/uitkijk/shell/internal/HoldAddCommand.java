package nl.uitkijk.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.governance.LegalHold;
import nl.uitkijk.api.governance.LegalHolds;
import nl.uitkijk.api.recording.TimeRange;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "vms", name = "hold-add", description = "Keeps footage beyond retention for an investigation",
        detailedDescription = "Example: vms:hold-add --from 2026-11-28T22:00:00Z --to 2026-11-28T23:00:00Z "
                + "--reason \"vechtpartij\" --case PL2300-2026-123 demo-pancratiusplein")
@Service
public class HoldAddCommand implements Action {

    @Reference
    private LegalHolds holds;

    @Reference
    private CameraRegistry registry;

    @Reference
    private Session session;

    @Argument(index = 0, name = "camera", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String camera;

    @Option(name = "--from", required = true, description = "Start, ISO-8601 UTC")
    private String from;

    @Option(name = "--to", required = true, description = "End, ISO-8601 UTC")
    private String to;

    @Option(name = "--reason", required = true, description = "Why the footage is held")
    private String reason;

    @Option(name = "--case", required = true, description = "Case or registration number")
    private String caseNumber;

    @Override
    public Object execute() throws InvalidCameraException, UnknownCameraException {
        registry.camera(camera).orElseThrow(() -> new UnknownCameraException(camera));
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new InvalidCameraException(List.of(new ConfigProblem("to", "must be after 'from'")));
        }
        String user = String.valueOf(session.get("USER"));
        LegalHold hold = holds.add(camera, new TimeRange(start, end), reason, caseNumber, user);
        System.out.println("Legal hold " + hold.id() + " placed on " + camera + " from " + start + " to " + end);
        return null;
    }

    private static Instant instant(String field, String text) throws InvalidCameraException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCameraException(List.of(new ConfigProblem(field,
                    "is not an ISO-8601 UTC time such as 2026-11-29T10:00:00Z")));
        }
    }
}
