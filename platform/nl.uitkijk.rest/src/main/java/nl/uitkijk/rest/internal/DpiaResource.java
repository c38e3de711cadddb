package nl.uitkijk.rest.internal;

import static nl.uitkijk.rest.internal.DpiaReport.escape;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.connector.ControlRooms;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalHolds;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.recording.RecordingPolicies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The DPIA inventory for the privacy officer (roles admin and auditor): what the system processes, where, on what
 * basis, for how long, who may see it and to whom it goes, as JSON or as a readable HTML document. Each export is
 * an audit entry.
 */
@Component(service = DpiaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("dpia")
public class DpiaResource {

    private final nl.uitkijk.api.privacy.PrivacyMasks privacy;
    private final CameraRegistry registry;
    private final Designations designations;
    private final Deployments deployments;
    private final LegalBasis legal;
    private final RetentionService retention;
    private final LegalHolds holds;
    private final RecordingPolicies policies;
    private final AuditLog audit;
    private volatile ControlRooms controlRooms;
    private volatile nl.uitkijk.api.analytics.AnalyticsPolicies analyticsPolicies;
    private final Map<AnalyticsModule, Boolean> analytics = new ConcurrentHashMap<>();

    @Activate
    public DpiaResource(@Reference CameraRegistry registry, @Reference Designations designations,
            @Reference Deployments deployments, @Reference LegalBasis legal, @Reference RetentionService retention,
            @Reference LegalHolds holds, @Reference RecordingPolicies policies, @Reference AuditLog audit,
            @Reference nl.uitkijk.api.privacy.PrivacyMasks privacy) {
        this.privacy = privacy;
        this.registry = registry;
        this.designations = designations;
        this.deployments = deployments;
        this.legal = legal;
        this.retention = retention;
        this.holds = holds;
        this.policies = policies;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindControlRooms(ControlRooms service) {
        this.controlRooms = service;
    }

    void unbindControlRooms(ControlRooms service) {
        if (this.controlRooms == service) {
            this.controlRooms = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAnalyticsPolicies(nl.uitkijk.api.analytics.AnalyticsPolicies service) {
        this.analyticsPolicies = service;
    }

    void unbindAnalyticsPolicies(nl.uitkijk.api.analytics.AnalyticsPolicies service) {
        if (this.analyticsPolicies == service) {
            this.analyticsPolicies = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAnalytics(AnalyticsModule module) {
        analytics.put(module, Boolean.TRUE);
    }

    void unbindAnalytics(AnalyticsModule module) {
        analytics.remove(module);
    }

    /** How many privacy masks each camera has (cameras without any are absent). */
    private Map<String, Integer> masksByCamera() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (var camera : registry.cameras()) {
            try {
                int masks = privacy.masks(camera.definition().id()).size();
                if (masks > 0) {
                    counts.put(camera.definition().id(), masks);
                }
            } catch (nl.uitkijk.api.camera.UnknownCameraException e) {
                // removed meanwhile
            }
        }
        return counts;
    }

    /** The inventory as JSON, or with {@code format=html} as a document to read, print or attach to the DPIA. */
    @Allow(Role.AUDITOR)
    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    public Response inventory(@QueryParam("format") String format, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Instant now = Instant.now();
        long exports = audit.entries(now.minus(365, ChronoUnit.DAYS), null, null, 100_000).stream()
                .filter(e -> e.action().equals(AuditActions.EXPORT)).count();
        DpiaReport report = DpiaReport.of(now, registry, designations, deployments, legal, retention, holds,
                policies, controlRooms == null ? List.of() : controlRooms.instances(), List.copyOf(analytics.keySet()),
                analyticsPolicies == null ? Map.of() : analyticsPolicies.enabledModules(), masksByCamera(), exports);
        boolean html = "html".equals(format);
        new Audit(audit, security, http).record(AuditActions.DPIA_EXPORT, "", "", html ? "html" : "json");
        if (html) {
            return Response.ok(DpiaReport.html(report), MediaType.TEXT_HTML + ";charset=utf-8")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .header("Content-Disposition", "inline; filename=\"dpia-inventory-" + escape(now.toString()
                            .substring(0, 10)) + ".html\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
