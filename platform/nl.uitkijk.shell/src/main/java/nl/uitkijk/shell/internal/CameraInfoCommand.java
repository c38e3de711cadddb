package nl.uitkijk.shell.internal;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.StreamProfile;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "vms", name = "camera-info", description = "Shows one camera: definition, status and streams")
@Service
public class CameraInfoCommand implements Action {

    @Reference
    private CameraRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "Camera id")
    @Completion(CameraIdCompleter.class)
    private String id;

    @Override
    public Object execute() throws UnknownCameraException {
        Camera camera = registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
        CameraDefinition d = camera.definition();
        Set<String> secrets = registry.drivers().stream().filter(driver -> driver.id().equals(d.driver()))
                .flatMap(driver -> driver.parameters().stream()).filter(ConfigParameter::secret)
                .map(ConfigParameter::name).collect(Collectors.toSet());
        PrintStream out = System.out;
        out.println("Id          : " + d.id());
        out.println("Name        : " + d.name());
        out.println("Driver      : " + d.driver());
        out.println("Status      : " + camera.status().status() + (camera.status().detail().isEmpty() ? ""
                : " (" + camera.status().detail() + ")") + " since " + camera.status().since());
        out.println("Location    : " + d.location().lat() + ", " + d.location().lon()
                + (d.location().direction() == null ? "" : " facing " + d.location().direction() + "°")
                + (d.location().address() == null ? "" : ", " + d.location().address()));
        out.println("Site        : " + (d.site() == null ? "" : d.site()));
        out.println("Designation : " + (d.designationId() == null ? "" : d.designationId()));
        for (Map.Entry<String, Object> entry : d.config().entrySet()) {
            boolean secret = secrets.contains(entry.getKey()) || (secrets.isEmpty()
                    && entry.getKey().toLowerCase().contains("password"));
            out.println("Config      : " + entry.getKey() + " = "
                    + (secret ? ConfigParameter.SECRET_MASK : entry.getValue()));
        }
        for (StreamProfile stream : camera.streams()) {
            out.println("Stream      : " + stream.name() + " " + stream.codec() + " " + stream.width() + "x"
                    + stream.height() + " @ " + stream.fps() + " fps" + (stream.uri() == null ? "" : " " + stream.uri()));
        }
        return null;
    }

}
