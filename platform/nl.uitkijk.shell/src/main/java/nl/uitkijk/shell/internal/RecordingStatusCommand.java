package nl.uitkijk.shell.internal;

import java.time.Duration;
import java.time.Instant;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "recording-status", description = "Shows per camera what was recorded in the last hour")
@Service
public class RecordingStatusCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private MediaHub media;

    @Reference(optional = true)
    private RecordingBackend recordings;

    @Override
    public Object execute() {
        if (recordings == null) {
            System.out.println("No recorder is installed (feature:install uitkijk-recorder-segment)");
            return null;
        }
        Instant now = Instant.now();
        TimeRange lastHour = new TimeRange(now.minus(Duration.ofHours(1)), now);
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Recorded (last hour)");
        table.column("Up to");
        table.column("Gaps");
        table.column("Stream");
        for (Camera camera : registry.cameras()) {
            Timeline timeline = recordings.timeline(camera.id(), lastHour);
            long seconds = timeline.ranges().stream()
                    .mapToLong(r -> Duration.between(r.start(), r.end()).toSeconds()).sum();
            String upTo = timeline.ranges().isEmpty() ? "-"
                    : timeline.ranges().get(timeline.ranges().size() - 1).end().toString();
            String stream = media.stats(camera.id(), "main").map(RecordingStatusCommand::describe).orElse("closed");
            table.addRow().addContent(camera.id(), seconds + " s", upTo, timeline.gaps().size(), stream);
        }
        table.print(System.out);
        return null;
    }

    private static String describe(StreamStats stats) {
        return stats.connected() ? String.format("%.0f kbit/s, %.1f fps", stats.bitrateKbps(), stats.fps())
                : "down: " + stats.lastError();
    }
}
