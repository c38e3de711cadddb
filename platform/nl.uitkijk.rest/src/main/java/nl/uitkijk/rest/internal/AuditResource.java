package nl.uitkijk.rest.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.AuditEntry;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.AuditVerification;
import nl.uitkijk.api.recording.TimeRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The audit trail, read-only: for the roles {@code admin} and {@code auditor} (see the authentication filter). */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference AuditLog audit) {
        this.audit = audit;
    }

    /** Entries of a period (the last day when none is given), newest first, optionally of one user. */
    @Allow(Role.AUDITOR)
    @GET
    public List<AuditEntry> entries(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("limit") Integer limit) throws InvalidCameraException {
        TimeRange range = from == null && to == null ? null : Period.parse(from, to);
        return audit.entries(range == null ? null : range.start(), range == null ? null : range.end(), actor,
                limit == null ? 1000 : limit);
    }

    /** Recomputes the hash chain: {@code valid}, the number of {@code entries} and the {@code firstBroken} one. */
    @Allow(Role.AUDITOR)
    @GET
    @Path("verify")
    public AuditVerification verify() {
        return audit.verify();
    }
}
