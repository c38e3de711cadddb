package nl.uitkijk.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
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
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.incident.Incident;
import nl.uitkijk.api.incident.IncidentConflict;
import nl.uitkijk.api.incident.IncidentProblem;
import nl.uitkijk.api.incident.Incidents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The control room's incidents: operators and supervisors open and work them (journal, alarms and cameras,
 * bookmarked footage, procedure steps, state, closing with an outcome); auditors read them. Every change is audited
 * and journalled. A journal note is stored and answered exactly as written: the console shows it as text.
 */
@Component(service = IncidentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    /** A new incident; {@code type} and {@code priority} may be left out (taken from the alarms). */
    public record NewIncident(String title, String type, String priority, List<String> cameraIds,
            List<String> alarmIds) {
    }

    public record JournalNote(String text) {
    }

    public record Attachment(List<String> cameraIds, List<String> alarmIds) {
    }

    /** Footage to mark: {@code kind} bookmark (from–to), still (a moment) or export (with the file's SHA-256). */
    public record NewBookmark(String cameraId, String from, String to, String kind, String label, String sha256) {
    }

    public record Tick(String note) {
    }

    public record Move(String state, String party) {
    }

    public record FollowProcedure(String procedureId) {
    }

    public record Closing(String outcome, String note) {
    }

    private final Incidents incidents;
    private final AuditLog auditLog;
    private final AlarmQueue alarms;

    @Activate
    public IncidentResource(@Reference Incidents incidents, @Reference AuditLog auditLog,
            @Reference AlarmQueue alarms) {
        this.alarms = alarms;
        this.incidents = incidents;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR})
    @GET
    public List<Incident> list(@QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return incidents.list(open, limit);
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(NewIncident body, @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null) {
            return invalid("title", "a JSON body {title, cameraIds, alarmIds} is required");
        }
        return handled(() -> {
            Alarm.Priority priority = body.priority() == null || body.priority().isBlank() ? null
                    : Alarm.Priority.parse(body.priority());
            Incident incident = incidents.open(body.title(), body.type(), priority, body.cameraIds(), uuids(body
                    .alarmIds()), user(security));
            audit(security, http, AuditActions.INCIDENT_OPEN, incident, incident.title());
            return Response.created(URI.create("incidents/" + incident.id())).entity(incident).build();
        });
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR})
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return incidents.incident(id).map(incident -> Response.ok(incident).header("Cache-Control", "no-store")
                .build()).orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no incident "
                        + id));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/journal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("id") long id, JournalNote body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return changed(security, http, "note", () -> incidents.note(id, body == null ? null : body.text(),
                user(security)));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/attach")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attach(@PathParam("id") long id, Attachment body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return changed(security, http, "attach", () -> incidents.attach(id, body == null ? null : body.cameraIds(),
                uuids(body == null ? null : body.alarmIds()), user(security)));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/bookmarks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bookmark(@PathParam("id") long id, NewBookmark body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (body == null) {
            return invalid("cameraId", "a JSON body {cameraId, from, to, kind, label} is required");
        }
        return changed(security, http, "bookmark " + body.cameraId(), () -> incidents.bookmark(id, body.cameraId(),
                instant("from", body.from()), instant("to", body.to()), body.kind(), body.label(), body.sha256(),
                user(security)));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/steps/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tick(@PathParam("id") long id, @PathParam("step") int step, Tick body,
            @Context SecurityContext security, @Context HttpServletRequest http) {
        return changed(security, http, "step " + step, () -> incidents.tick(id, step, body == null ? null
                : body.note(), user(security)));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/procedure")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response follow(@PathParam("id") long id, FollowProcedure body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return changed(security, http, "procedure", () -> incidents.follow(id, body == null ? null
                : body.procedureId(), user(security)));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@PathParam("id") long id, Move body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return changed(security, http, "state", () -> {
            Incident.State state;
            try {
                state = Incident.State.valueOf(body == null || body.state() == null ? "" : body.state().strip()
                        .toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IncidentProblem("state", "state: OPEN, IN_PROGRESS or HANDED_OVER");
            }
            return incidents.move(id, state, body.party(), user(security));
        });
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response close(@PathParam("id") long id, Closing body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return handled(() -> {
            Incident closed = incidents.close(id, body == null ? null : body.outcome(), body == null ? null
                    : body.note(), user(security));
            audit(security, http, AuditActions.INCIDENT_CLOSE, closed, closed.outcome());
            return Response.ok(closed).build();
        });
    }

    private Response changed(SecurityContext security, HttpServletRequest http, String what,
            Supplier<Incident> change) {
        return handled(() -> {
            Incident incident = change.get();
            audit(security, http, AuditActions.INCIDENT_CHANGE, incident, what);
            return Response.ok(incident).build();
        });
    }

    /** The register's refusals as HTTP: 400 naming the field, 404, 409 (closed, ticked, steps left), 503. */
    static Response handled(Supplier<Response> work) {
        try {
            return work.get();
        } catch (IncidentProblem e) {
            return invalid(e.field(), e.getMessage());
        } catch (IncidentConflict e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(409,
                    "conflict", e.getMessage(), List.of(), new ErrorBody.Reason(e.code(), e.params()))).build();
        } catch (NoSuchElementException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", e.getMessage());
        } catch (IllegalArgumentException e) {
            return invalid("priority", e.getMessage());
        } catch (IllegalStateException e) {
            return e.getMessage() != null && e.getMessage().startsWith("the database")
                    ? ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "unavailable", e.getMessage())
                    : ErrorBody.response(Response.Status.CONFLICT, "conflict", e.getMessage());
        }
    }

    private void audit(SecurityContext security, HttpServletRequest http, String action, Incident incident,
            String what) {
        new Audit(auditLog, security, http).record(action, "incident " + incident.id(), "", what);
    }

    static Response invalid(String field, String message) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", message, List.of(new ConfigProblem(field,
                message)));
    }

    private static String user(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    /** Alarms by id (a UUID) or by number. */
    private List<UUID> uuids(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(id -> {
            try {
                String text = String.valueOf(id).strip();
                return text.matches("[0-9]{1,18}") ? alarms.alarm(Long.parseLong(text)).map(Alarm::id)
                        .orElseThrow(() -> new IncidentProblem("alarmIds", "no alarm " + text)) : UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new IncidentProblem("alarmIds", "no alarm " + id + " (an alarm's id or number)");
            }
        }).toList();
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IncidentProblem(field, field + ": an ISO-8601 instant (2026-12-01T21:30:00Z)");
        }
    }
}
