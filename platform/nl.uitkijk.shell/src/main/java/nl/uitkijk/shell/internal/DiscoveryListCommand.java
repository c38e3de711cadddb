package nl.uitkijk.shell.internal;

import java.time.Duration;
import java.util.List;
import nl.uitkijk.api.discovery.DiscoveryInbox;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "vms", name = "discovery-list", description = "Lists the cameras found on the network, waiting for "
        + "approval (vms:discovery-approve)")
@Service
public class DiscoveryListCommand implements Action {

    @Reference
    private DiscoveryInbox inbox;

    @Option(name = "--scan", description = "Look for cameras first, for this many seconds")
    private int scanSeconds;

    @Override
    public Object execute() {
        List<DiscoveryInbox.Entry> entries = scanSeconds > 0 ? inbox.scan(Duration.ofSeconds(Math.min(30,
                scanSeconds))) : inbox.entries();
        ShellTable table = new ShellTable();
        table.column("Entry");
        table.column("Driver");
        table.column("Address");
        table.column("Device").maxSize(40);
        table.column("Seen");
        for (DiscoveryInbox.Entry e : entries) {
            var device = e.camera().device();
            String described = device == null ? "" : String.join(" ", java.util.stream.Stream.of(
                    device.manufacturer(), device.model()).filter(java.util.Objects::nonNull).toList());
            table.addRow().addContent(e.id(), e.camera().driverId(), e.camera().address(), described,
                    e.camera().seenAt());
        }
        table.print(System.out);
        return null;
    }
}
