package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Handover;
import nl.uitkijk.api.governance.Handovers;
import nl.uitkijk.rest.internal.live.LiveTickets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * What a hand-over link opens, without an account: the link's secret is the right to watch its cameras until it
 * ends or is revoked. {@code POST /share/view} says what it shows (audited with the viewer's address);
 * {@code POST /share/tickets} gives a live ticket for one of its cameras (the live socket audits the view and ends
 * within seconds of the hand-over ending). An unknown, ended or revoked link answers the same 404.
 */
@Component(service = ShareResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("share")
@Produces(MediaType.APPLICATION_JSON)
public class ShareResource {

    public record Link(String token, String camera, String format, Integer width) {
    }

    public record CameraJson(String id, String name) {
    }

    public record ViewJson(Instant until, String reason, List<CameraJson> cameras) {
    }

    /** The name a hand-over's views are audited under: {@code handover:<id>}, as its live tickets'. */
    private static final String USER_PREFIX = "handover:";
    private static final String ENDED = "this link does not play: it is unknown, ended or revoked";

    private final Handovers handovers;
    private final CameraRegistry cameras;
    private final LiveTickets tickets;
    private final AuditLog auditLog;

    @Activate
    public ShareResource(@Reference Handovers handovers, @Reference CameraRegistry cameras,
            @Reference LiveTickets tickets, @Reference AuditLog auditLog) {
        this.handovers = handovers;
        this.cameras = cameras;
        this.tickets = tickets;
        this.auditLog = auditLog;
    }

    private Optional<Handover> active(Link body) {
        return body == null ? Optional.empty()
                : handovers.byToken(body.token()).filter(handover -> handover.activeAt(Instant.now()));
    }

    @Open
    @POST
    @Path("view")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response view(Link body, @Context HttpServletRequest http) {
        Optional<Handover> handover = active(body);
        if (handover.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", ENDED);
        }
        Handover shown = handover.get();
        auditLog.record(USER_PREFIX + shown.id(), AuditActions.HANDOVER_VIEW, String.join(",", shown.cameraIds()),
                Audit.origin(http), shown.reason(), "link opened by " + shown.party());
        List<CameraJson> list = shown.cameraIds().stream().map(id -> new CameraJson(id, cameras.camera(id)
                .map(camera -> camera.definition().name()).orElse(id))).toList();
        return Response.ok(new ViewJson(shown.until(), shown.reason(), list)).header("Cache-Control", "no-store")
                .build();
    }

    @Open
    @POST
    @Path("tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ticket(Link body, @Context HttpServletRequest http) {
        Optional<Handover> handover = active(body);
        if (handover.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", ENDED);
        }
        if (body.camera() == null || !handover.get().cameraIds().contains(body.camera())) {
            return ErrorBody.response(Response.Status.FORBIDDEN, "forbidden", "camera: not part of this hand-over");
        }
        int width = "jpeg".equals(body.format()) ? Math.max(160, Math.min(body.width() == null ? 640 : body.width(),
                1920)) : 0;
        String ticket = tickets.issueForHandover(handover.get().id().toString(), Audit.origin(http), body.camera(),
                "hand-over to " + handover.get().party() + ": " + handover.get().reason(), width);
        return Response.ok(new LiveTicketResource.TicketJson(ticket, "/live/socket?ticket=" + ticket, 30))
                .header("Cache-Control", "no-store").build();
    }
}
