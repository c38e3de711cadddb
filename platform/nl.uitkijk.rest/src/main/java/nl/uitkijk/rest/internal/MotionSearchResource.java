package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /cameras/{id}/motion-search?from&to&region=x,y,w,h}: the periods in which something moved in a region
 * of the picture (fractions 0..1), read from the motion grids the motion module stored; the whole picture when no
 * region is given. What operators know from other systems as smart search. Audited.
 */
@Component(service = MotionSearchResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras/{id}/motion-search")
@Produces(MediaType.APPLICATION_JSON)
public class MotionSearchResource {

    /** One period with motion in the region. */
    public record Hit(Instant from, Instant to, long seconds) {
    }

    private final AnalyticsPolicies policies;
    private final AuditLog auditLog;

    @Activate
    public MotionSearchResource(@Reference AnalyticsPolicies policies, @Reference AuditLog auditLog) {
        this.policies = policies;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public Response search(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("region") String region, @Context SecurityContext security, @Context HttpServletRequest http)
            throws CameraException {
        var range = Period.parse(from, to);
        double[] box;
        try {
            box = region == null || region.isBlank() ? new double[] {0, 0, 1, 1} : parse(region);
        } catch (NumberFormatException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "region: x,y,w,h as fractions 0..1 of the picture, e.g. 0.25,0.5,0.5,0.5");
        }
        List<Hit> hits;
        try {
            hits = policies.motionSearch(id, range, box).stream().map(period -> new Hit(period.start(),
                    period.end(), period.end().getEpochSecond() - period.start().getEpochSecond())).toList();
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage());
        }
        new Audit(auditLog, security, http).record(AuditActions.DETECTION_SEARCH, id, "",
                "motion search " + range.start() + "…" + range.end() + " region " + (region == null ? "all" : region)
                        + ": " + hits.size());
        return Response.ok(hits).build();
    }

    private static double[] parse(String region) {
        String[] parts = region.split(",");
        if (parts.length != 4) {
            throw new NumberFormatException(region);
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = Double.parseDouble(parts[i].strip());
        }
        return box;
    }
}
