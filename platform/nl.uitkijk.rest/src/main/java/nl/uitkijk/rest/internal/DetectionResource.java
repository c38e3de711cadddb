package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.analytics.AnalyticsPolicies;
import nl.uitkijk.api.analytics.AnalyticsPolicies.StoredDetection;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /cameras/{id}/detections?from&to&type&limit}: what the analytics found (at most one per module, type
 * and second), newest first; the last hour when no period is given. Audited (detections may concern persons),
 * except the live overlay's reads of the last seconds, which are part of the live view it is drawn on.
 */
@Component(service = DetectionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras/{id}/detections")
@Produces(MediaType.APPLICATION_JSON)
public class DetectionResource {

    /** A stored detection; the box in fractions 0..1 of the picture. */
    public record DetectionJson(long id, String cameraId, String moduleId, String type, Instant at,
            double confidence, double x, double y, double width, double height, Map<String, String> attributes) {

        static DetectionJson of(StoredDetection detection) {
            return new DetectionJson(detection.id(), detection.cameraId(), detection.moduleId(), detection.type(),
                    detection.at(), detection.confidence(), detection.x(), detection.y(), detection.width(),
                    detection.height(), detection.attributes());
        }
    }

    /** A read of no more than the last this many seconds is the live overlay's. */
    static final int LIVE_SECONDS = 10;

    private final AnalyticsPolicies policies;
    private final AuditLog auditLog;

    @Activate
    public DetectionResource(@Reference AnalyticsPolicies policies, @Reference AuditLog auditLog) {
        this.policies = policies;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR})
    @GET
    public List<DetectionJson> list(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("type") String type,
            @QueryParam("limit") @DefaultValue("1000") int limit, @Context SecurityContext security,
            @Context HttpServletRequest http) throws CameraException {
        var range = Period.parse(from, to);
        List<DetectionJson> found = policies.detections(id, range, type == null || type.isBlank() ? null
                : type.strip(), Math.max(1, Math.min(limit, 10_000))).stream().map(DetectionJson::of).toList();
        // the live overlay's reads of the last seconds belong to the live view, audited when that started;
        // every search of recorded time is audited
        boolean live = to == null && range.start().isAfter(java.time.Instant.now().minusSeconds(LIVE_SECONDS));
        if (!live) {
            new Audit(auditLog, security, http).record(AuditActions.DETECTION_SEARCH, id, "",
                    "detections " + range.start() + "…" + range.end() + (type == null ? "" : " type " + type) + ": "
                            + found.size());
        }
        return found;
    }
}
