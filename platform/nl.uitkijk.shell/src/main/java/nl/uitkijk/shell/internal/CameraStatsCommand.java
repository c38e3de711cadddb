package nl.uitkijk.shell.internal;

import java.io.PrintStream;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StreamStats;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "vms", name = "camera-stats", description = "Shows the counters of a camera's stream in the media hub")
@Service
public class CameraStatsCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Reference
    private MediaHub media;

    @Argument(index = 0, name = "id", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String id;

    @Argument(index = 1, name = "profile", description = "Stream profile")
    private String profile = "main";

    @Override
    public Object execute() throws UnknownCameraException {
        registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        PrintStream out = System.out;
        StreamStats stats = media.stats(id, profile).orElse(null);
        if (stats == null) {
            out.println("Stream " + profile + " of " + id + " is not open: nothing consumes it now");
            return null;
        }
        out.println("Connected   : " + stats.connected());
        out.printf("Bit rate    : %.0f kbit/s%n", stats.bitrateKbps());
        out.printf("Frame rate  : %.1f fps%n", stats.fps());
        out.println("Last packet : " + (stats.lastPacket() == null ? "never" : stats.lastPacket()));
        out.println("Packets     : " + stats.packets() + " (" + stats.bytes() + " bytes)");
        out.println("Reconnects  : " + stats.reconnects());
        out.println("Dropped     : " + stats.droppedPackets() + " (by consumers that fell behind)");
        out.println("Consumers   : " + stats.subscribers());
        out.println("Last error  : " + stats.lastError());
        return null;
    }
}
