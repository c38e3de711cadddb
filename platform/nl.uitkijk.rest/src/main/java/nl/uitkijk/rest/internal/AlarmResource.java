package nl.uitkijk.rest.internal;

import java.util.List;
import java.util.NoSuchElementException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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
import nl.uitkijk.api.alarm.Alarm;
import nl.uitkijk.api.alarm.AlarmQueue;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.rest.internal.live.LiveTickets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The alarm queue: {@code GET /alarms?open=true} (newest first), {@code POST /alarms/{id}/acknowledge} with a
 * required comment (audited; a second acknowledgement is a 409 naming the first), and {@code POST /alarms/tickets}
 * for the console's live alarm socket ({@code /live/alarms?ticket=…}).
 */
@Component(service = AlarmResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("alarms")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmResource {

    public record Acknowledgement(String comment) {
    }

    private final AlarmQueue alarms;
    private final AuditLog auditLog;
    private final LiveTickets tickets;

    @Activate
    public AlarmResource(@Reference AlarmQueue alarms, @Reference AuditLog auditLog, @Reference LiveTickets tickets) {
        this.alarms = alarms;
        this.auditLog = auditLog;
        this.tickets = tickets;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<Alarm> list(@QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return alarms.recent(limit, open);
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response acknowledge(@PathParam("id") long id, Acknowledgement body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        String comment = body == null || body.comment() == null ? "" : body.comment().strip();
        if (comment.isEmpty() || comment.length() > 500) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "comment: required, at most 500 characters (what was seen or done)");
        }
        try {
            Alarm alarm = alarms.acknowledge(id, security.getUserPrincipal().getName(), comment);
            new Audit(auditLog, security, http).record(AuditActions.ALARM_ACKNOWLEDGE,
                    alarm.cameraId() == null ? "alarm " + id : alarm.cameraId(), comment, alarm.summary());
            return Response.ok(alarm).build();
        } catch (NoSuchElementException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no alarm " + id);
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.CONFLICT, "acknowledged", e.getMessage());
        }
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("tickets")
    public Response ticket(@Context SecurityContext security, @Context HttpServletRequest http) {
        String ticket = tickets.issue(security.getUserPrincipal().getName(),
                BasicAuthenticationFilter.consoleSession(http), Audit.origin(http), LiveTickets.ALARMS, "alarm queue",
                false, 0);
        return Response.ok(new LiveTicketResource.TicketJson(ticket, "/live/alarms?ticket=" + ticket, 30))
                .header("Cache-Control", "no-store").build();
    }
}
