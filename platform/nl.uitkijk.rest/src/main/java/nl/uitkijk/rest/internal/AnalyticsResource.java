package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.analytics.AnalyticsPolicies.ModuleState;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.camera.CameraException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * A camera's analytics policy: which modules are installed, which run here with what configuration and how they
 * fare ({@code GET}); an administrator switches one on or off ({@code PUT …/{moduleId}}), checked by the module
 * (400 naming the field), by the legal gate (403 with the reason, audited) and audited when stored.
 */
@Component(service = AnalyticsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras/{id}/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    /** The body of a PUT: {@code {"enabled": true, "config": {…}, "alarmPriority": "MEDIUM"}}. */
    public record PolicyBody(Boolean enabled, Map<String, Object> config, String alarmPriority,
            List<String> schedule) {
    }

    /** A module on a camera, as shown. */
    public record ModuleJson(String moduleId, String label, boolean installed, boolean enabled,
            Map<String, Object> config, String alarmPriority, List<String> schedule, Set<PersonalData> personalData,
            String state,
            String detail, long framesAnalysed, long framesDropped, double cpuMillisPerFrame, Instant since) {

        static ModuleJson of(ModuleState state) {
            return new ModuleJson(state.moduleId(), state.label(), state.installed(), state.enabled(), state.config(),
                    state.alarmPriority(), state.schedule(), state.personalData(), state.state().name(),
                    state.detail(),
                    state.framesAnalysed(), state.framesDropped(), Math.round(state.cpuMillisPerFrame() * 100) / 100.0,
                    state.since());
        }
    }

    private final AnalyticsPolicies policies;

    /** The policy change and a legal refusal are audited by the runtime, whatever asked for them (REST or console). */
    @Activate
    public AnalyticsResource(@Reference AnalyticsPolicies policies) {
        this.policies = policies;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<ModuleJson> list(@PathParam("id") String id) throws CameraException {
        return policies.states(id).stream().map(ModuleJson::of).toList();
    }

    @Allow
    @PUT
    @Path("{moduleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(@PathParam("id") String id, @PathParam("moduleId") String moduleId, PolicyBody body,
            @Context SecurityContext security, @Context HttpServletRequest http) throws CameraException {
        if (body == null || body.enabled() == null) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "enabled: required (a JSON body {\"enabled\": true, \"config\": {…}})");
        }
        try {
            ModuleState state = policies.set(id, moduleId, body.enabled(), body.config(), body.alarmPriority(),
                    body.schedule() == null ? List.of() : body.schedule(), security.getUserPrincipal().getName());
            return Response.ok(ModuleJson.of(state)).build();
        } catch (AnalyticsPolicies.UnknownModuleException e) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "unknown_module", e.getMessage()
                    + " (install its feature, e.g. uitkijk-analytics-" + moduleId + ")");
        } catch (AnalyticsPolicies.LegalRefusalException e) {
            return ErrorBody.response(Response.Status.FORBIDDEN, "legal_basis", e.getMessage());
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage());
        }
    }
}
