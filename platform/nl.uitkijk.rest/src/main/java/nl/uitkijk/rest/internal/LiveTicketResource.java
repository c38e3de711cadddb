package nl.uitkijk.rest.internal;

import java.time.Instant;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.CameraShares;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.media.Stills;
import nl.uitkijk.rest.internal.live.LiveTickets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /live/tickets} with {@code {"camera": "…", "reason": "…"}}: for an operator and a camera whose legal
 * basis permits live view now, a single-use ticket for the live-video WebSocket ({@code /live/socket?ticket=…},
 * fMP4 for Media Source Extensions, or with {@code "format": "jpeg"} JPEG stills for a browser without the codec). A refusal says why and is audited, as for the REST live stream.
 */
@Component(service = LiveTicketResource.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("live/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class LiveTicketResource {

    /**
     * @param timing precede each fragment by its packet's arrival time (for the latency benchmark)
     * @param format {@code fmp4} (the default: H.264 for Media Source Extensions) or {@code jpeg} (stills, for a
     *            browser that cannot play the codec)
     * @param width for {@code jpeg}: the widest still wanted, 160 to 1920 (default 640)
     * @param profile the camera's stream: {@code main} (the default) or another it has, e.g. {@code sub} for a small
     *            tile
     */
    public record TicketRequest(String camera, String reason, Boolean timing, String format, Integer width,
            Boolean unmask, String profile) {
    }

    public record TicketJson(String ticket, String socket, long validSeconds) {
    }

    private static final int DEFAULT_STILL_WIDTH = 640;
    private static final int MIN_STILL_WIDTH = 160;

    private final CameraRegistry registry;
    private final LegalBasis legalBasis;
    private final LiveTickets tickets;
    private final AuditLog auditLog;
    private final CameraShares shares;

    @Activate
    public LiveTicketResource(@Reference CameraRegistry registry, @Reference LegalBasis legalBasis,
            @Reference LiveTickets tickets, @Reference AuditLog auditLog, @Reference CameraShares shares) {
        this.shares = shares;
        this.registry = registry;
        this.legalBasis = legalBasis;
        this.tickets = tickets;
        this.auditLog = auditLog;
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.POLICE})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(TicketRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        if (body == null || body.camera() == null || body.camera().isBlank()) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "camera: is required");
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.length() > 500) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "reason: at most 500 characters");
        }
        boolean stills = "jpeg".equals(body.format());
        if (body.format() != null && !stills && !"fmp4".equals(body.format())) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "format: fmp4 or jpeg");
        }
        int width = body.width() == null ? DEFAULT_STILL_WIDTH : body.width();
        if (stills && (width < MIN_STILL_WIDTH || width > Stills.MAX_WIDTH)) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "width: " + MIN_STILL_WIDTH + " to " + Stills.MAX_WIDTH);
        }
        Camera camera = registry.camera(body.camera()).orElse(null);
        if (camera == null) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "no camera '" + body.camera() + "'");
        }
        if (CameraResource.policeOnly(security) && !shares.sharedWith(camera.definition().id(), CameraShares.POLICE)) {
            return ErrorBody.response(Response.Status.FORBIDDEN, "forbidden",
                    "camera '" + camera.definition().id() + "' is not shared with the police");
        }
        String profile = body.profile() == null || body.profile().isBlank() ? "main" : body.profile().strip();
        if (camera.streams().stream().noneMatch(stream -> stream.name().equals(profile)) && !profile.equals("main")) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid", "profile: one of " + String.join(", ",
                    camera.streams().stream().map(stream -> stream.name()).toList()) + " (the camera's streams)");
        }
        Audit audit = new Audit(auditLog, security, http);
        LegalStatus legal = legalBasis.liveView(camera.definition(), Instant.now());
        if (!legal.permitted()) {
            audit.record(AuditActions.LEGAL_REFUSAL, camera.definition().id(), reason,
                    AuditActions.LIVE_START + " refused: " + legal.reason());
            return ErrorBody.refusal(Response.Status.FORBIDDEN, "not_permitted", legal);
        }
        boolean unmask = Boolean.TRUE.equals(body.unmask());
        if (unmask) {
            Response refused = Unmask.refusal(security, shares, camera.definition().id(), reason, audit,
                    "live view" + (stills ? " (stills)" : ""));
            if (refused != null) {
                return refused;
            }
        }
        String ticket = tickets.issue(security.getUserPrincipal().getName(),
                BasicAuthenticationFilter.consoleSession(http), Audit.origin(http),
                camera.definition().id(), reason, Boolean.TRUE.equals(body.timing()), stills ? width : 0, unmask,
                profile);
        return Response.ok(new TicketJson(ticket, "/live/socket?ticket=" + ticket, 30))
                .header("Cache-Control", "no-store").build();
    }

}
