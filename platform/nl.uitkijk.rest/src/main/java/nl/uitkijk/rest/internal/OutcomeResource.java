package nl.uitkijk.rest.internal;

import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.incident.Incidents;
import nl.uitkijk.api.incident.Outcome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The outcomes an incident can be closed with; supervisors keep the list (an outcome is retired, never deleted). */
@Component(service = OutcomeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    /** An outcome; left out: no false alarm, nothing kept after closing, active. */
    public record OutcomeBody(String label, Boolean falseAlarm, Integer keepDays, Boolean active) {
    }

    private final Incidents incidents;
    private final AuditLog auditLog;

    @Activate
    public OutcomeResource(@Reference Incidents incidents, @Reference AuditLog auditLog) {
        this.incidents = incidents;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR})
    @GET
    public List<Outcome> list() {
        return incidents.outcomes();
    }

    @Allow(Role.SUPERVISOR)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, OutcomeBody body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (body == null) {
            return IncidentResource.invalid("label", "a JSON body {label, falseAlarm, keepDays, active} is required");
        }
        return IncidentResource.handled(() -> {
            Outcome saved = incidents.putOutcome(new Outcome(id, body.label(), Boolean.TRUE.equals(body.falseAlarm()),
                    body.keepDays() == null ? 0 : body.keepDays(), body.active() == null || body.active()), security
                            .getUserPrincipal().getName());
            new Audit(auditLog, security, http).record(AuditActions.CONTROL_ROOM_SETUP, "outcome " + id, "",
                    saved.label() + ", keep " + saved.keepDays() + " days" + (saved.active() ? "" : ", retired"));
            return Response.ok(saved).build();
        });
    }
}
