package nl.uitkijk.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.CameraShares;
import nl.uitkijk.api.lpr.LicencePlates;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.api.lpr.PlateRecognizer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Licence plates: a still read on request ({@code POST /lpr/read}: supervisors, audited), the kept reads searched
 * ({@code GET /lpr/reads}: supervisors and police, the police only on cameras shared with them; audited), and the
 * hotlist kept by administrators (every change audited). Plates identify people: operators see none of this.
 */
@Component(service = LprResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("lpr")
@Produces(MediaType.APPLICATION_JSON)
public class LprResource {

    /** A still larger than this is refused with 413 before it is read further. */
    static final int MAX_STILL_BYTES = 20 * 1024 * 1024;

    public record BoxJson(int x, int y, int w, int h) {
    }

    public record PlateJson(String text, String formatted, String sidecode, String country, double confidence,
            BoxJson box) {

        static PlateJson of(PlateRead read) {
            return new PlateJson(read.text(), read.formatted(), read.sidecode(), read.country(),
                    Math.round(read.confidence() * 1000) / 1000.0, new BoxJson(read.x(), read.y(), read.width(),
                            read.height()));
        }
    }

    public record ReadJson(List<PlateJson> plates, long millis) {
    }

    public record PassageJson(UUID id, String cameraId, Instant at, String text, String formatted, String sidecode,
            String country, double confidence, int votes, boolean hit, String hotlistReason, UUID alarmId) {

        static PassageJson of(LicencePlates.Passage p) {
            return new PassageJson(p.id(), p.cameraId(), p.at(), p.text(), p.formatted(), p.sidecode(), p.country(),
                    Math.round(p.confidence() * 1000) / 1000.0, p.votes(), p.hotlistReason() != null,
                    p.hotlistReason(), p.alarmId());
        }
    }

    public record HotlistBody(String reason, String validUntil, String priority) {
    }

    private final LicencePlates plates;
    private final AuditLog auditLog;
    private final CameraShares shares;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlateRecognizer recognizer;

    @Activate
    public LprResource(@Reference LicencePlates plates, @Reference AuditLog auditLog,
            @Reference CameraShares shares) {
        this.plates = plates;
        this.auditLog = auditLog;
        this.shares = shares;
    }

    @Allow(Role.SUPERVISOR)
    @POST
    @Path("read")
    @Consumes(MediaType.WILDCARD)
    public Response read(InputStream body, @Context SecurityContext security, @Context HttpServletRequest http)
            throws IOException {
        PlateRecognizer reader = recognizer;
        if (reader == null) {
            return ErrorBody.response(Response.Status.SERVICE_UNAVAILABLE, "not_installed",
                    "no plate reader: install the feature uitkijk-analytics-lpr");
        }
        long declared = http.getContentLengthLong();
        if (declared > MAX_STILL_BYTES) {
            return tooLarge(declared);
        }
        byte[] image = body == null ? new byte[0] : body.readNBytes(MAX_STILL_BYTES + 1);
        if (image.length > MAX_STILL_BYTES) {
            return tooLarge(image.length);
        }
        long started = System.nanoTime();
        List<PlateRead> found;
        try {
            found = reader.read(image);
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid_image", e.getMessage());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        new Audit(auditLog, security, http).record(AuditActions.LPR_READ, "still", "", image.length + " bytes: "
                + found.size() + " plate(s)");
        return Response.ok(new ReadJson(found.stream().map(PlateJson::of).toList(), millis)).build();
    }

    private static Response tooLarge(long bytes) {
        return ErrorBody.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_large", "the picture is " + bytes
                + " bytes; at most " + MAX_STILL_BYTES);
    }

    @Allow({Role.SUPERVISOR, Role.POLICE})
    @GET
    @Path("reads")
    public List<PassageJson> reads(@QueryParam("plate") String plate, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("500") int limit,
            @Context SecurityContext security, @Context HttpServletRequest http) throws InvalidCameraException {
        var range = Period.parse(from, to == null && from != null ? Instant.now().toString() : to);
        // the police see reads of the cameras shared with them, and only those
        Set<String> cameras = CameraResource.policeOnly(security) ? shares.camerasSharedWith(CameraShares.POLICE)
                : null;
        List<PassageJson> found = plates.passages(plate, range.start(), range.end(), cameras,
                Math.max(1, Math.min(limit, 5_000))).stream().map(PassageJson::of).toList();
        new Audit(auditLog, security, http).record(AuditActions.LPR_SEARCH, plate == null ? "*" : plate, "",
                "plate reads " + range.start() + "…" + range.end() + ": " + found.size());
        return found;
    }

    @Allow(Role.SUPERVISOR)
    @GET
    @Path("hotlist")
    public List<LicencePlates.HotlistEntry> hotlist() {
        return plates.hotlist();
    }

    @Allow
    @PUT
    @Path("hotlist/{plate}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("plate") String plate, HotlistBody body, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (body == null) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "a JSON body {\"reason\": …, \"validUntil\": \"2027-01-01T00:00:00Z\", \"priority\": \"HIGH\"}");
        }
        Instant until;
        try {
            until = body.validUntil() == null ? null : Instant.parse(body.validUntil());
        } catch (DateTimeParseException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "validUntil: an ISO-8601 UTC time such as 2027-01-01T00:00:00Z");
        }
        try {
            LicencePlates.HotlistEntry entry = plates.addToHotlist(plate, body.reason(), until, body.priority(),
                    security.getUserPrincipal().getName());
            new Audit(auditLog, security, http).record(AuditActions.LPR_HOTLIST, entry.plate(), entry.reason(),
                    "added until " + entry.validUntil() + ", priority " + entry.priority());
            return Response.ok(entry).build();
        } catch (IllegalArgumentException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", e.getMessage());
        }
    }

    @Allow
    @DELETE
    @Path("hotlist/{plate}")
    public Response remove(@PathParam("plate") String plate, @Context SecurityContext security,
            @Context HttpServletRequest http) {
        if (!plates.removeFromHotlist(plate)) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no hotlist entry for " + plate);
        }
        new Audit(auditLog, security, http).record(AuditActions.LPR_HOTLIST, plate, "", "removed");
        return Response.noContent().build();
    }
}
