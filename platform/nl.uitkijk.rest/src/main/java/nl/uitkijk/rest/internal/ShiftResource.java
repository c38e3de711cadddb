package nl.uitkijk.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.incident.Incident;
import nl.uitkijk.api.incident.Incidents;
import nl.uitkijk.api.incident.ShiftLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The shift handover: {@code GET /shift} answers the shift now and the one before, who is on duty in the console,
 * who signed in during the previous shift, the notes left since it began, and the incidents still open (what the
 * console shows an operator at sign-in); {@code POST /shift/notes} leaves a note for the next shift.
 */
@Component(service = ShiftResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("shift")
@Produces(MediaType.APPLICATION_JSON)
public class ShiftResource {

    public record OnDuty(String user, Set<String> roles, Instant since, Instant lastSeen) {
    }

    public record OpenIncident(long id, String title, String state, String priority, Instant opened,
            String openedBy, String handedTo) {
    }

    public record Handover(ShiftLog.Shift shift, ShiftLog.Shift previous, List<OnDuty> onDuty,
            List<ShiftLog.SignIn> previousShift, List<ShiftLog.Note> notes, List<OpenIncident> openIncidents) {
    }

    public record NewNote(String text) {
    }

    private final ShiftLog shiftLog;
    private final Incidents incidents;
    private final ConsoleSessions sessions;
    private final AuditLog auditLog;

    @Activate
    public ShiftResource(@Reference ShiftLog shiftLog, @Reference Incidents incidents,
            @Reference ConsoleSessions sessions, @Reference AuditLog auditLog) {
        this.shiftLog = shiftLog;
        this.incidents = incidents;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR})
    @GET
    public Response handover() {
        Instant now = Instant.now();
        ShiftLog.Shift shift = shiftLog.shiftAt(now);
        ShiftLog.Shift previous = shiftLog.before(shift);
        List<OnDuty> onDuty = sessions.live().stream().filter(s -> s.roles().contains(Role.OPERATOR.principal())
                || s.roles().contains(Role.SUPERVISOR.principal())).map(s -> new OnDuty(s.user(), s.roles(),
                        s.created(), s.lastSeen())).toList();
        List<OpenIncident> open = incidents.list(true, 200).stream().map(ShiftResource::summary).toList();
        return Response.ok(new Handover(shift, previous, onDuty, shiftLog.signIns(previous.from(), previous.until()),
                shiftLog.notes(previous.from(), now.plusSeconds(1)), open)).header("Cache-Control", "no-store")
                .build();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(NewNote body, @Context SecurityContext security, @Context HttpServletRequest http) {
        return IncidentResource.handled(() -> {
            ShiftLog.Note note = shiftLog.note(body == null ? null : body.text(), security.getUserPrincipal()
                    .getName());
            new Audit(auditLog, security, http).record(AuditActions.SHIFT_NOTE, "shift log", "", "note "
                    + note.id());
            return Response.created(URI.create("shift/notes/" + note.id())).entity(note).build();
        });
    }

    private static OpenIncident summary(Incident incident) {
        return new OpenIncident(incident.id(), incident.title(), incident.state().name(), incident.priority().name(),
                incident.opened(), incident.openedBy(), incident.handedTo());
    }
}
