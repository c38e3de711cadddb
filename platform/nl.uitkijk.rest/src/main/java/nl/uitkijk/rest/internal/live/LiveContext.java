package nl.uitkijk.rest.internal.live;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * A servlet context of its own at {@code /live} for the live-video WebSocket: Pax Web sets up JSR 356 in the contexts
 * that carry a WebSocket and restarts them for it, and the REST API's context must not be restarted under CXF.
 */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = LiveContext.NAME, path = "/live")
public class LiveContext extends ServletContextHelper {

    static final String NAME = "uitkijk-live";
}
