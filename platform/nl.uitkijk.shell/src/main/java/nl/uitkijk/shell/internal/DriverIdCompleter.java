package nl.uitkijk.shell.internal;

import java.util.List;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.DriverDescription;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of installed drivers. */
@Service
public class DriverIdCompleter implements Completer {

    @Reference
    private CameraRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(registry.drivers().stream().map(DriverDescription::id).toList())
                .complete(session, commandLine, candidates);
    }
}
