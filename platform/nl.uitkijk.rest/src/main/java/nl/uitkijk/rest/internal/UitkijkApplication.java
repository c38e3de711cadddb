package nl.uitkijk.rest.internal;

import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The JAX-RS application of the REST API; resources and extensions of this bundle select it by name. */
@Component(service = Application.class)
@JaxrsApplicationBase(UitkijkApplication.BASE)
@JaxrsName(UitkijkApplication.NAME)
public class UitkijkApplication extends Application {

    static final String BASE = "api/v1";
    static final String NAME = "uitkijk";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
