package nl.uitkijk.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.discovery.DiscoveryInbox;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.LegalBasis;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The discovery inbox: cameras found on the network (WS-Discovery and vendor protocols) wait here until an
 * administrator approves one, with its id, name, place, designation and credentials.
 */
@Component(service = DiscoveryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("discovery")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final DiscoveryInbox inbox;
    private final CameraRegistry registry;
    private final AuditLog auditLog;
    private final LegalBasis legalBasis;

    @Activate
    public DiscoveryResource(@Reference DiscoveryInbox inbox, @Reference CameraRegistry registry,
            @Reference AuditLog auditLog, @Reference LegalBasis legalBasis) {
        this.inbox = inbox;
        this.registry = registry;
        this.auditLog = auditLog;
        this.legalBasis = legalBasis;
    }

    @Allow
    @GET
    public List<DiscoveryInbox.Entry> list() {
        return inbox.entries();
    }

    /** Looks for cameras for {@code seconds} (default 3, at most 30) and answers with the inbox. */
    @Allow
    @POST
    @Path("scan")
    public List<DiscoveryInbox.Entry> scan(@QueryParam("seconds") Integer seconds) {
        int wait = seconds == null ? 3 : Math.max(1, Math.min(30, seconds));
        return inbox.scan(Duration.ofSeconds(wait));
    }

    /** Adds the camera with the administrator's definition (the discovered settings fill in the rest). 201. */
    @Allow
    @POST
    @Path("{entry}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("entry") String entry, CameraJson body, @Context SecurityContext security,
            @Context HttpServletRequest http) throws CameraException {
        if (inbox.entry(entry).isEmpty()) {
            throw notFound(entry);
        }
        if (body == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("", "a camera JSON object is required")));
        }
        Camera added = inbox.approve(entry, body.toDefinition(null));
        new Audit(auditLog, security, http).record(AuditActions.CAMERA_ADD, added.id(), "",
                "approved from the discovery inbox: driver=" + added.definition().driver());
        URI location = UriBuilder.fromResource(CameraResource.class).path(added.id()).build();
        return Response.created(location).entity(CameraJson.of(added, registry.drivers().stream()
                .filter(d -> d.id().equals(added.definition().driver())).findFirst(),
                legalBasis.status(added.definition(), java.time.Instant.now()))).build();
    }

    @Allow
    @DELETE
    @Path("{entry}")
    public Response dismiss(@PathParam("entry") String entry) {
        if (!inbox.dismiss(entry)) {
            throw notFound(entry);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String entry) {
        return new NotFoundException(ErrorBody.response(Response.Status.NOT_FOUND, "not_found",
                "no camera '" + entry + "' in the discovery inbox"));
    }
}
