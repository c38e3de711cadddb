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
import nl.uitkijk.api.incident.Procedure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Procedures (draaiboeken): everyone who works or reads incidents sees them; supervisors write them. Saving makes a
 * new version (incidents keep theirs); saving with no steps retires the procedure.
 */
@Component(service = ProcedureResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("procedures")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureResource {

    public record NewProcedure(String title, List<String> appliesTo, List<StepBody> steps) {
    }

    /** A step as written; a flag left out is false. */
    public record StepBody(String text, Boolean required, Boolean noteRequired) {
        Procedure.Step step() {
            return new Procedure.Step(text, Boolean.TRUE.equals(required), Boolean.TRUE.equals(noteRequired));
        }
    }

    private final Incidents incidents;
    private final AuditLog auditLog;

    @Activate
    public ProcedureResource(@Reference Incidents incidents, @Reference AuditLog auditLog) {
        this.incidents = incidents;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR})
    @GET
    public List<Procedure> list() {
        return incidents.procedures();
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR})
    @GET
    @Path("{id}/{version}")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        return incidents.procedure(id, version).map(procedure -> Response.ok(procedure).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no procedure " + id
                        + " version " + version));
    }

    @Allow(Role.SUPERVISOR)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, NewProcedure body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (body == null) {
            return IncidentResource.invalid("title", "a JSON body {title, appliesTo, steps} is required");
        }
        return IncidentResource.handled(() -> {
            List<Procedure.Step> steps = body.steps() == null ? null : body.steps().stream().map(step -> step == null
                    ? new Procedure.Step(null, false, false) : step.step()).toList();
            Procedure saved = incidents.putProcedure(id, body.title(), body.appliesTo(), steps, security
                    .getUserPrincipal().getName());
            new Audit(auditLog, security, http).record(AuditActions.CONTROL_ROOM_SETUP, "procedure " + id, "",
                    "version " + saved.version() + ", " + saved.steps().size() + " steps");
            return Response.ok(saved).build();
        });
    }
}
