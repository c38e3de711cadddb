package nl.uitkijk.rest.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.DriverDescription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The installed camera drivers and the configuration each one takes. */
@Component(service = DriverResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("drivers")
@Produces(MediaType.APPLICATION_JSON)
public class DriverResource {

    private final CameraRegistry registry;

    @Activate
    public DriverResource(@Reference CameraRegistry registry) {
        this.registry = registry;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<DriverDescription> list() {
        return registry.drivers();
    }
}
