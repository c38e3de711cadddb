package nl.uitkijk.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Handover;
import nl.uitkijk.api.governance.Handovers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Live hand-overs: a supervisor shares cameras with a control room for an incident (reason, time limit, within the
 * legal basis) and gets an unguessable HTTPS link that plays them without an account; supervisors and auditors list
 * them, a supervisor revokes one. Every step is audited; so is every view through the link ({@link ShareResource}).
 */
@Component(service = HandoverResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("handovers")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {

    public record NewHandover(Set<String> cameraIds, String connectorId, String reason, Integer minutes,
            UUID alarmId) {
    }

    /** A hand-over; {@code link} only in the answer to the one who made it. */
    public record HandoverJson(UUID id, Set<String> cameraIds, String connectorId, String reason, String createdBy,
            Instant created, Instant until, String revokedBy, Instant revoked, UUID alarmId, boolean active,
            URI link) {

        static HandoverJson of(Handover handover, URI link) {
            return new HandoverJson(handover.id(), handover.cameraIds(), handover.party(), handover.reason(),
                    handover.createdBy(), handover.created(), handover.until(), handover.revokedBy(),
                    handover.revoked(), handover.alarmId(), handover.activeAt(Instant.now()), link);
        }
    }

    private final Handovers handovers;
    private final ControlRooms controlRooms;
    private final AuditLog auditLog;

    @Activate
    public HandoverResource(@Reference Handovers handovers, @Reference ControlRooms controlRooms,
            @Reference AuditLog auditLog) {
        this.handovers = handovers;
        this.controlRooms = controlRooms;
        this.auditLog = auditLog;
    }

    @Allow({Role.SUPERVISOR, Role.AUDITOR})
    @GET
    public List<HandoverJson> list(@QueryParam("active") @DefaultValue("false") boolean active,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return handovers.list(active, limit).stream().map(handover -> HandoverJson.of(handover, null)).toList();
    }

    @Allow(Role.SUPERVISOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewHandover body, @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null) {
            return invalid("a JSON body {cameraIds, connectorId, reason, minutes} is required");
        }
        return create(handovers, controlRooms, auditLog, body.cameraIds(), body.connectorId(), body.reason(),
                body.minutes(), body.alarmId(), security, http);
    }

    /** Makes a hand-over after checking the control room exists; the answer carries the link. */
    static Response create(Handovers handovers, ControlRooms controlRooms, AuditLog auditLog, Set<String> cameraIds,
            String connectorId, String reason, Integer minutes, UUID alarmId, SecurityContext security,
            HttpServletRequest http) {
        if (connectorId == null || controlRooms.instance(connectorId).isEmpty()) {
            return invalid("connectorId: no control room (connector instance) '" + connectorId + "'");
        }
        Handovers.Issued issued;
        try {
            issued = handovers.create(cameraIds, connectorId, reason, Duration.ofMinutes(minutes == null ? 60
                    : minutes), security.getUserPrincipal().getName(), alarmId);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        Handover handover = issued.handover();
        new Audit(auditLog, security, http).record(AuditActions.HANDOVER_CREATE, String.join(",",
                handover.cameraIds()), reason, "to " + connectorId + " until " + handover.until() + " (hand-over "
                        + handover.id() + ")");
        return Response.created(URI.create("handovers/" + handover.id())).entity(HandoverJson.of(handover,
                issued.link())).header("Cache-Control", "no-store").build();
    }

    @Allow(Role.SUPERVISOR)
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        UUID handoverId;
        try {
            handoverId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no hand-over " + id);
        }
        if (handovers.handover(handoverId).isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no hand-over " + id);
        }
        if (!handovers.revoke(handoverId, security.getUserPrincipal().getName())) {
            return ErrorBody.response(Response.Status.CONFLICT, "ended", "the hand-over had already ended");
        }
        new Audit(auditLog, security, http).record(AuditActions.HANDOVER_REVOKE, "hand-over " + id, "revoked", "");
        return Response.noContent().build();
    }

    private static Response invalid(String message) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", message);
    }
}
