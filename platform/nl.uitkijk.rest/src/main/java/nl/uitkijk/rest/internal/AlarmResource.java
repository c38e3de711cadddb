package nl.uitkijk.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.governance.Handovers;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.rest.internal.live.LiveTickets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The alarm queue: {@code GET /alarms?open=true} (newest first), {@code POST /alarms} (an operator raises one by
 * hand; audited; it goes to the control rooms as every alarm does), {@code GET /alarms/{id}} with each control
 * room's delivery, {@code POST /alarms/{id}/acknowledge} with a required comment (audited; a second acknowledgement
 * is a 409 naming the first), and {@code POST /alarms/tickets} for the console's live alarm socket. An alarm is
 * addressed by its id or by its number.
 */
@Component(service = AlarmResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("alarms")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmResource {

    public record Acknowledgement(String comment) {
    }

    /** A hand-raised alarm; {@code priority} is HIGH/MEDIUM/LOW or a level 1–5. */
    public record NewAlarm(String cameraId, String type, String priority, String description) {
    }

    /** An escalation: the alarm to one control room, with a live hand-over of its camera. */
    public record Escalation(String connectorId, String reason, Integer minutes) {
    }

    public record EscalationJson(AlarmJson alarm, HandoverResource.HandoverJson handover) {
    }

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    private final nl.uitkijk.api.privacy.PrivacyMasks privacy;
    private final AlarmQueue alarms;
    private final AuditLog auditLog;
    private final LiveTickets tickets;
    private final CameraRegistry cameras;
    private final Handovers handovers;
    private final ControlRooms controlRooms;
    private final nl.uitkijk.api.analytics.AnalyticsPolicies analytics;

    @Activate
    public AlarmResource(@Reference AlarmQueue alarms, @Reference AuditLog auditLog, @Reference LiveTickets tickets,
            @Reference CameraRegistry cameras, @Reference Handovers handovers, @Reference ControlRooms controlRooms,
            @Reference nl.uitkijk.api.analytics.AnalyticsPolicies analytics,
            @Reference nl.uitkijk.api.privacy.PrivacyMasks privacy) {
        this.analytics = analytics;
        this.privacy = privacy;
        this.alarms = alarms;
        this.auditLog = auditLog;
        this.tickets = tickets;
        this.cameras = cameras;
        this.handovers = handovers;
        this.controlRooms = controlRooms;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<AlarmJson> list(@QueryParam("open") @DefaultValue("false") boolean open,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Alarm> page = alarms.recent(limit, open);
        java.util.Map<UUID, List<nl.uitkijk.api.alarm.Delivery>> deliveries = alarms.deliveries(page.stream()
                .map(Alarm::id).toList());
        return page.stream().map(alarm -> AlarmJson.of(alarm, deliveries.getOrDefault(alarm.id(), List.of())))
                .toList();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response raise(NewAlarm body, @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null) {
            return invalid("a JSON body {cameraId, type, priority, description} is required");
        }
        String type = body.type() == null ? "manual" : body.type().strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPE.matcher(type).matches() || type.startsWith("delivery-")) {
            return invalid("type: 1–32 letters, digits, '.', '_' or '-' (e.g. fight, fire, manual)");
        }
        String description = body.description() == null ? "" : body.description().strip();
        if (description.isEmpty() || description.length() > 500) {
            return invalid("description: required, at most 500 characters (what is going on)");
        }
        Alarm.Priority priority;
        try {
            priority = body.priority() == null ? Alarm.Priority.HIGH : Alarm.Priority.parse(body.priority());
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        String camera = body.cameraId() == null || body.cameraId().isBlank() ? null : body.cameraId().strip();
        if (camera != null && cameras.camera(camera).isEmpty()) {
            return invalid("cameraId: no camera '" + camera + "'");
        }
        String user = security.getUserPrincipal().getName();
        Alarm alarm;
        try {
            alarm = alarms.raise(camera, type, priority, description, user);
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
        }
        new Audit(auditLog, security, http).record(AuditActions.ALARM_RAISE, camera == null ? "alarm "
                + alarm.number() : camera, description, type + " " + priority + " " + alarm.id());
        return Response.created(URI.create("alarms/" + alarm.id())).entity(AlarmJson.of(alarm, alarms.deliveries(
                alarm.id()))).build();
    }

    /** The JPEG taken when the analytics episode behind the alarm began (404 for other alarms). */
    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    @Path("{id}/snapshot")
    @Produces({"image/jpeg", MediaType.APPLICATION_JSON})
    public Response snapshot(@PathParam("id") String id) {
        // a still like any other: through the camera's privacy masks
        return find(id).flatMap(alarm -> analytics.snapshot(alarm.id()).map(jpeg -> alarm.cameraId() == null ? jpeg
                : privacy.mask(alarm.cameraId(), jpeg)))
                .map(jpeg -> Response.ok(jpeg, "image/jpeg").header("Cache-Control", "private, no-store")
                        .build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found",
                        "no snapshot for alarm " + id + " (only analytics alarms have one)"));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return find(id).<Response>map(alarm -> Response.ok(AlarmJson.of(alarm, alarms.deliveries(alarm.id())))
                .build()).orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no alarm "
                        + id));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response acknowledge(@PathParam("id") String id, Acknowledgement body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        String comment = body == null || body.comment() == null ? "" : body.comment().strip();
        if (comment.isEmpty() || comment.length() > 500) {
            return invalid("comment: required, at most 500 characters (what was seen or done)");
        }
        Optional<Alarm> found = find(id);
        if (found.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no alarm " + id);
        }
        try {
            Alarm alarm = alarms.acknowledge(found.get().id(), security.getUserPrincipal().getName(), comment);
            new Audit(auditLog, security, http).record(AuditActions.ALARM_ACKNOWLEDGE,
                    alarm.cameraId() == null ? "alarm " + alarm.number() : alarm.cameraId(), comment, alarm.summary());
            return Response.ok(AlarmJson.of(alarm, alarms.deliveries(alarm.id()))).build();
        } catch (NoSuchElementException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no alarm " + id);
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.CONFLICT, "acknowledged", e.getMessage());
        }
    }

    /**
     * Escalates an alarm to one control room: a hand-over of its camera (reason, time limit, legal basis) and a new
     * alarm of type {@code escalation} for that control room only, carrying the hand-over's link.
     */
    @Allow(Role.SUPERVISOR)
    @POST
    @Path("{id}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response escalate(@PathParam("id") String id, Escalation body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Optional<Alarm> found = find(id);
        if (found.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no alarm " + id);
        }
        Alarm original = found.get();
        if (original.cameraId() == null) {
            return invalid("the alarm concerns no camera: there is nothing to hand over");
        }
        if (body == null) {
            return invalid("a JSON body {connectorId, reason, minutes} is required");
        }
        UUID escalation = UUID.randomUUID();
        Response handover = HandoverResource.create(handovers, controlRooms, auditLog, java.util.Set.of(original
                .cameraId()), body.connectorId(), body.reason(), body.minutes(), escalation, security, http);
        if (handover.getStatus() != Response.Status.CREATED.getStatusCode()) {
            return handover;
        }
        String user = security.getUserPrincipal().getName();
        String summary = "Escalated by " + user + ": " + original.summary() + " (" + body.reason().strip() + ")";
        Alarm raised;
        try {
            raised = alarms.raise(escalation, original.cameraId(), "escalation", Alarm.Priority.HIGH, summary, user,
                    List.of(body.connectorId()));
        } catch (IllegalStateException e) {
            return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
        }
        new Audit(auditLog, security, http).record(AuditActions.ALARM_RAISE, original.cameraId(), body.reason(),
                "escalation of alarm " + original.number() + " to " + body.connectorId() + " " + raised.id());
        return Response.created(URI.create("alarms/" + raised.id())).entity(new EscalationJson(AlarmJson.of(raised,
                alarms.deliveries(raised.id())), (HandoverResource.HandoverJson) handover.getEntity()))
                .header("Cache-Control", "no-store").build();
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

    /** By id (a UUID) or by number. */
    private Optional<Alarm> find(String id) {
        try {
            return id.length() > 20 ? alarms.alarm(UUID.fromString(id)) : alarms.alarm(Long.parseLong(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Response invalid(String message) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", message);
    }
}
