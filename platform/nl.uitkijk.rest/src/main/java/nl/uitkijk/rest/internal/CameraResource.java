package nl.uitkijk.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriBuilder;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.ConnectionTest;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.PtzControl;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.governance.AuditActions;
import nl.uitkijk.api.governance.AuditLog;
import nl.uitkijk.api.governance.CameraShares;
import nl.uitkijk.api.privacy.PrivacyMasks;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.recording.ExportResult;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.RecordingPolicies;
import nl.uitkijk.api.recording.TimeRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Cameras: list, read, add, change, remove. Secrets in driver configuration are never sent back. */
@Component(service = CameraResource.class, configurationPid = "nl.uitkijk.rest.export")
@org.osgi.service.metatype.annotations.Designate(ocd = CameraResource.ExportLimits.class)
@JaxrsResource
@JaxrsApplicationSelect(UitkijkApplication.SELECT)
@Path("cameras")
@Produces(MediaType.APPLICATION_JSON)
public class CameraResource {

    /** How much one export may hold: footage leaves the system in bounded pieces. */
    @org.osgi.service.metatype.annotations.ObjectClassDefinition(name = "Uitkijk export limits")
    public @interface ExportLimits {
        @org.osgi.service.metatype.annotations.AttributeDefinition(name = "Longest export (hours)")
        int maxExportHours() default 24;

        @org.osgi.service.metatype.annotations.AttributeDefinition(name = "Largest export (MB)")
        long maxExportMegabytes() default 20_000;
    }

    static final String MAIN = "main";
    /** The id a connection test of a camera not yet named runs under (never stored). */
    private static final String TRIAL_ID = "connection-test";
    private static final Duration CONNECTION_TEST_TIMEOUT = Duration.ofSeconds(10);

    private final CameraRegistry registry;
    private final MediaHub media;
    private final RecordingPolicies policies;
    private final AuditLog auditLog;
    private final RetentionService retention;
    private final LegalBasis legalBasis;
    private final CameraShares shares;
    private final ExportLimits exportLimits;
    private final PrivacyMasks privacy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordingBackend recordings;

    @Activate
    public CameraResource(@Reference CameraRegistry registry, @Reference MediaHub media,
            @Reference RecordingPolicies policies, @Reference AuditLog auditLog,
            @Reference RetentionService retention, @Reference LegalBasis legalBasis, @Reference CameraShares shares,
            @Reference PrivacyMasks privacy, ExportLimits exportLimits) {
        this.exportLimits = exportLimits;
        this.privacy = privacy;
        this.registry = registry;
        this.shares = shares;
        this.legalBasis = legalBasis;
        this.retention = retention;
        this.auditLog = auditLog;
        this.media = media;
        this.policies = policies;
    }

    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @GET
    @Path("{id}/recording")
    public RecordingPolicyJson recordingPolicy(@PathParam("id") String id) throws UnknownCameraException {
        existing(id);
        return RecordingPolicyJson.of(policies.policy(id));
    }

    /** Continuous, event (with pre- and post-event seconds) or off; the recorder follows within seconds. */
    @Allow
    @PUT
    @Path("{id}/recording")
    @Consumes(MediaType.APPLICATION_JSON)
    public RecordingPolicyJson setRecordingPolicy(@PathParam("id") String id, RecordingPolicyJson body,
            @Context SecurityContext security, @Context HttpServletRequest http) throws CameraException {
        existing(id);
        if (body == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("", "a recording policy object is required")));
        }
        policies.set(id, body.toPolicy());
        RecordingPolicyJson now = RecordingPolicyJson.of(policies.policy(id));
        new Audit(auditLog, security, http).record(AuditActions.RECORDING_POLICY, id, "", "mode=" + now.mode()
                + " preEventSeconds=" + now.preEventSeconds() + " postEventSeconds=" + now.postEventSeconds());
        return now;
    }

    /** How long the camera's footage is kept, in days. */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @GET
    @Path("{id}/retention")
    public RetentionJson retention(@PathParam("id") String id) throws UnknownCameraException {
        existing(id);
        return new RetentionJson((int) retention.maximumAge(id).toDays());
    }

    /** Sets how long the footage is kept: 1 to 28 days (400 naming {@code maxAgeDays} beyond the law). */
    @Allow
    @PUT
    @Path("{id}/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public RetentionJson setRetention(@PathParam("id") String id, RetentionJson body,
            @Context SecurityContext security, @Context HttpServletRequest http) throws CameraException {
        existing(id);
        if (body == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("maxAgeDays", "is required (1 to 28)")));
        }
        retention.setMaximumAge(id, body.maxAgeDays() == null ? null : Duration.ofDays(body.maxAgeDays()));
        RetentionJson now = new RetentionJson((int) retention.maximumAge(id).toDays());
        new Audit(auditLog, security, http).record(AuditActions.RETENTION_CHANGE, id, "",
                "maxAgeDays=" + now.maxAgeDays());
        return now;
    }

    /** Recorded ranges and gaps of a camera; the last hour when no period is given. */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR, Role.POLICE}, camera = "id")
    @GET
    @Path("{id}/timeline")
    public TimelineJson timeline(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) throws CameraException {
        existing(id);
        return TimelineJson.of(recorder().timeline(id, Period.parse(from, to)));
    }

    /**
     * The footage of a period as one MP4 (remuxed, never transcoded), with its SHA-256 in {@code X-Content-SHA256}
     * and {@code Digest}, and a manifest (camera, period, who, when, why, hash; {@link ExportManifest}) in
     * {@code X-Uitkijk-Manifest}, so the receiver can prove the file is what the system exported. The reason is
     * required and goes, with who, from where and the file's hash, into the audit log.
     */
    @Allow(value = {Role.SUPERVISOR, Role.POLICE}, camera = "id")
    @GET
    @Path("{id}/export")
    @Produces({ "video/mp4", MediaType.APPLICATION_JSON })
    public Response export(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("reason") String reason, @QueryParam("unmask") boolean unmask,
            @Context SecurityContext security, @Context HttpServletRequest http) throws CameraException, IOException {
        return footage(id, from, to, reason, unmask, AuditActions.EXPORT, security, http);
    }

    /**
     * Playback for operators: the footage of a period as one MP4 to play in the browser (at most
     * {@value #MAX_PLAYBACK_MINUTES} minutes per request; the console asks for the next part as it plays). Same
     * legal check and audit as an export, as action {@code playback}; the reason is what the operator looks for.
     */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR, Role.POLICE}, camera = "id")
    @GET
    @Path("{id}/playback")
    @Produces({ "video/mp4", MediaType.APPLICATION_JSON })
    public Response playback(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("reason") String reason, @QueryParam("unmask") boolean unmask,
            @Context SecurityContext security, @Context HttpServletRequest http) throws CameraException, IOException {
        if (from != null && to != null) {
            TimeRange range = Period.parse(from, to);
            if (range.end().isAfter(range.start().plus(Duration.ofMinutes(MAX_PLAYBACK_MINUTES)))) {
                throw new InvalidCameraException(List.of(new ConfigProblem("to",
                        "at most " + MAX_PLAYBACK_MINUTES + " minutes after from per playback request")));
            }
        }
        return footage(id, from, to, reason, unmask, AuditActions.PLAYBACK, security, http);
    }

    static final int MAX_PLAYBACK_MINUTES = 10;

    private static String sha256(java.nio.file.Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Response footage(String id, String from, String to, String reason, boolean unmask, String action,
            SecurityContext security, HttpServletRequest http) throws CameraException, IOException {
        boolean export = action.equals(AuditActions.EXPORT);
        Camera camera = existing(id);
        if (from == null || to == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem(from == null ? "from" : "to",
                    "is required (ISO-8601 UTC, e.g. 2026-11-29T10:00:00Z)")));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidCameraException(List.of(new ConfigProblem("reason", export
                    ? "is required for an export: why the footage leaves the system (recorded in the audit log)"
                    : "is required for playback: what you look for (recorded in the audit log)")));
        }
        TimeRange range = Period.parse(from, to);
        LegalStatus legal = legalBasis.status(camera.definition(), Instant.now());
        if (!legal.permitted()) {
            return refused(action, legal, id, reason, security, http);
        }
        if (export && range.end().isAfter(range.start().plus(Duration.ofHours(exportLimits.maxExportHours())))) {
            throw new InvalidCameraException(List.of(new ConfigProblem("to", "at most "
                    + exportLimits.maxExportHours() + " hours after from per export")));
        }
        boolean masks = !privacy.masks(id).isEmpty();
        if (unmask && masks) {
            Response refused = Unmask.refusal(security, shares, id, reason, new Audit(auditLog, security, http),
                    action + " " + range.start() + "/" + range.end());
            if (refused != null) {
                return refused;
            }
        }
        boolean masked = masks && !unmask;
        java.nio.file.Path file = Files.createTempFile("uitkijk-export-", ".mp4");
        try {
            ExportResult result;
            try {
                // written once, where it is streamed from (no second copy)
                result = recorder().exportTo(id, range, file);
            } catch (RecordingBackend.NoFootageException e) {
                Files.deleteIfExists(file);
                return ErrorBody.response(Response.Status.NOT_FOUND, "no_footage", e.getMessage());
            }
            if (masked) {
                // the recording keeps the original; what leaves is re-encoded with the masks filled
                java.nio.file.Path original = file;
                file = Files.createTempFile("uitkijk-masked-", ".mp4");
                try {
                    privacy.mask(id, original, file);
                } finally {
                    Files.deleteIfExists(original);
                }
                result = new ExportResult(Files.size(file), sha256(file));
            }
            long maxBytes = exportLimits.maxExportMegabytes() * 1_000_000L;
            if (result.bytes() > maxBytes) {
                Files.deleteIfExists(file);
                return ErrorBody.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_large", "the export would be "
                        + result.bytes() / 1_000_000 + " MB, more than the " + exportLimits.maxExportMegabytes()
                        + " MB allowed: export a shorter period");
            }
            java.nio.file.Path served = file;
            StreamingOutput body = out -> {
                try {
                    Files.copy(served, out);
                } finally {
                    Files.deleteIfExists(served);
                }
            };
            new Audit(auditLog, security, http).record(action, id, reason,
                    range.start() + "/" + range.end() + " sha256=" + result.sha256() + " bytes=" + result.bytes()
                            + (masked ? " masked" : unmask && masks ? " unmasked" : ""));
            String name = id + "_" + range.start().toString().replace(":", "") + ".mp4";
            ExportManifest manifest = new ExportManifest(id, camera.definition().name(), range.start().toString(),
                    range.end().toString(), security.getUserPrincipal().getName(), Instant.now().toString(), reason,
                    name, result.sha256(), result.bytes(), "Uitkijk", masked, unmask && masks);
            return Response.ok(body, "video/mp4")
                    .header(ExportManifest.HEADER, manifest.header())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.CONTENT_LENGTH, result.bytes())
                    .header("X-Content-SHA256", result.sha256())
                    .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of()
                            .parseHex(result.sha256())))
                    .header("Content-Disposition", (export ? "attachment" : "inline") + "; filename=\"" + name + "\"")
                    .build();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Live view of the camera's main stream as it arrives, H.264 Annex B (no container, nothing transcoded: plays
     * with {@code ffplay -f h264 URL}, hands over to a control room's tools). Only while the camera's legal basis
     * permits live view (designation in force, inside a live-view window): otherwise 403 with the reason. The
     * stream ends when the window closes or the basis goes, after {@code seconds} when given, or when the client
     * leaves. Start and stop are audit entries.
     */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @GET
    @Path("{id}/live")
    @Produces({ "video/h264", MediaType.APPLICATION_JSON })
    public Response live(@PathParam("id") String id, @QueryParam("seconds") Integer seconds,
            @QueryParam("reason") String reason, @QueryParam("unmask") boolean unmask,
            @Context SecurityContext security, @Context HttpServletRequest http) throws UnknownCameraException {
        Camera camera = existing(id);
        LegalStatus legal = legalBasis.liveView(camera.definition(), Instant.now());
        if (!legal.permitted()) {
            return refused(AuditActions.LIVE_START, legal, id, reason, security, http);
        }
        if (seconds != null && seconds <= 0) {
            throw new BadRequestException(ErrorBody.response(Response.Status.BAD_REQUEST, "invalid",
                    "seconds: must be positive"));
        }
        Audit audit = new Audit(auditLog, security, http);
        if (unmask) {
            Response refused = Unmask.refusal(security, shares, id, reason, audit, "live view (H.264)");
            if (refused != null) {
                return refused;
            }
        }
        LiveStream stream = new LiveStream(unmask ? media : new MaskedHub(media, privacy), id, MAIN, seconds == null ? null : Duration.ofSeconds(seconds),
                () -> registry.camera(id).map(c -> legalBasis.liveView(c.definition(), Instant.now()))
                        .orElse(new LegalStatus(null, false, "the camera was removed")));
        audit.record(AuditActions.LIVE_START, id, reason == null ? "" : reason, legal.reason());
        StreamingOutput body = out -> {
            String end = stream.writeTo(out);
            audit.record(AuditActions.LIVE_STOP, id, reason == null ? "" : reason, end);
        };
        return Response.ok(body, "video/h264").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * Pan, tilt, zoom: {@code {"action": "move", "pan": 0.5, "tilt": 0, "zoom": 0}}, {@code stop}, {@code home},
     * {@code {"action": "preset", "preset": "1"}}. Steering a camera changes what it watches, so it needs the same
     * legal basis as live view; every command is an audit entry.
     */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @POST
    @Path("{id}/ptz")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ptz(@PathParam("id") String id, PtzJson command, @Context SecurityContext security,
            @Context HttpServletRequest http) throws CameraException {
        Camera camera = existing(id);
        String action = command == null || command.action() == null ? "" : command.action();
        if (!List.of("move", "stop", "preset", "home").contains(action)) {
            throw new InvalidCameraException(List.of(new ConfigProblem("action",
                    "must be move, stop, preset or home")));
        }
        if (action.equals("preset") && (command.preset() == null || command.preset().isBlank())) {
            throw new InvalidCameraException(List.of(new ConfigProblem("preset", "is required for action preset")));
        }
        LegalStatus legal = legalBasis.liveView(camera.definition(), Instant.now());
        if (!legal.permitted()) {
            return refused(AuditActions.PTZ, legal, id, "", security, http);
        }
        PtzControl ptz = registry.ptz(id).orElse(null);
        if (ptz == null) {
            return ErrorBody.response(Response.Status.CONFLICT, "no_ptz", "camera '" + id
                    + "' offers no pan, tilt or zoom (now)");
        }
        try {
            switch (action) {
                case "move" -> ptz.continuousMove(value(command.pan()), value(command.tilt()), value(command.zoom()));
                case "stop" -> ptz.stop();
                case "preset" -> ptz.gotoPreset(command.preset());
                default -> ptz.gotoHome();
            }
        } catch (PtzControl.PtzException e) {
            return ErrorBody.response(Response.Status.BAD_GATEWAY, "camera_refused", e.getMessage());
        }
        new Audit(auditLog, security, http).record(AuditActions.PTZ, id, "", action + (action.equals("move")
                ? " " + value(command.pan()) + "," + value(command.tilt()) + "," + value(command.zoom())
                : action.equals("preset") ? " " + command.preset() : ""));
        return Response.noContent().build();
    }

    /** The camera's PTZ presets. */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @GET
    @Path("{id}/ptz/presets")
    public Response presets(@PathParam("id") String id) throws CameraException {
        existing(id);
        PtzControl ptz = registry.ptz(id).orElse(null);
        if (ptz == null) {
            return ErrorBody.response(Response.Status.CONFLICT, "no_ptz", "camera '" + id
                    + "' offers no pan, tilt or zoom (now)");
        }
        try {
            return Response.ok(ptz.presets()).build();
        } catch (PtzControl.PtzException e) {
            return ErrorBody.response(Response.Status.BAD_GATEWAY, "camera_refused", e.getMessage());
        }
    }

    private static double value(Double velocity) {
        return velocity == null || velocity.isNaN() ? 0 : Math.max(-1, Math.min(1, velocity));
    }

    /** 403 naming the legal reason; the attempt itself is an audit entry. */
    private Response refused(String action, LegalStatus legal, String id, String reason, SecurityContext security,
            HttpServletRequest http) {
        new Audit(auditLog, security, http).record(AuditActions.LEGAL_REFUSAL, id, reason == null ? "" : reason,
                action + " refused: " + legal.reason());
        return ErrorBody.response(Response.Status.FORBIDDEN, "not_permitted", legal.reason());
    }

    private CameraJson json(Camera camera, List<DriverDescription> drivers) {
        return CameraJson.of(camera, driver(drivers, camera), legalBasis.status(camera.definition(), Instant.now()));
    }

    /** The camera, or 404 through {@link UnknownCameraException}. */
    private Camera existing(String id) throws UnknownCameraException {
        return registry.camera(id).orElseThrow(() -> new UnknownCameraException(id));
    }

    private RecordingBackend recorder() {
        RecordingBackend current = recordings;
        if (current == null) {
            throw new ServiceUnavailableException("no recorder is installed (feature uitkijk-recorder-segment)");
        }
        return current;
    }

    /** Counters of the camera's main stream; zeros while nothing consumes it (the hub then holds no connection). */
    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR}, camera = "id")
    @GET
    @Path("{id}/stats")
    public StreamStats stats(@PathParam("id") String id) throws UnknownCameraException {
        existing(id);
        return media.stats(id, MAIN).orElse(new StreamStats(id, MAIN, false, 0, 0, null, 0, 0, 0, 0, 0, ""));
    }

    @Allow({Role.OPERATOR, Role.SUPERVISOR, Role.POLICE})
    @GET
    public List<CameraJson> list(@Context SecurityContext security) {
        List<DriverDescription> drivers = registry.drivers();
        // the police see the cameras shared with them, and only those
        boolean police = policeOnly(security);
        Set<String> visible = police ? shares.camerasSharedWith(CameraShares.POLICE) : null;
        return registry.cameras().stream().filter(camera -> visible == null || visible.contains(camera.id()))
                .map(camera -> json(camera, drivers)).map(camera -> police ? camera.forPolice() : camera).toList();
    }

    /** Shares a camera with the police, or stops: {@code PUT} / {@code DELETE /cameras/{id}/shares/police}. */
    @Allow
    @PUT
    @Path("{id}/shares/{party}")
    public Response share(@PathParam("id") String id, @PathParam("party") String party,
            @Context SecurityContext security) throws UnknownCameraException {
        existing(id);
        if (!CameraShares.POLICE.equals(party)) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "not_found", "cameras are shared with 'police' only");
        }
        shares.share(id, party, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @Allow
    @DELETE
    @Path("{id}/shares/{party}")
    public Response unshare(@PathParam("id") String id, @PathParam("party") String party,
            @Context SecurityContext security) throws UnknownCameraException {
        existing(id);
        shares.unshare(id, party, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    static boolean policeOnly(SecurityContext security) {
        return security.isUserInRole(Role.POLICE.principal()) && !security.isUserInRole(Role.ADMIN.principal())
                && !security.isUserInRole(Role.OPERATOR.principal())
                && !security.isUserInRole(Role.SUPERVISOR.principal());
    }

    @Allow(value = {Role.OPERATOR, Role.SUPERVISOR, Role.POLICE}, camera = "id")
    @GET
    @Path("{id}")
    public CameraJson get(@PathParam("id") String id, @Context SecurityContext security)
            throws UnknownCameraException {
        CameraJson camera = json(existing(id), registry.drivers());
        return policeOnly(security) ? camera.forPolice() : camera;
    }

    @Allow
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(CameraJson body, @Context SecurityContext security, @Context HttpServletRequest http)
            throws CameraException {
        Camera added = registry.add(required(body).toDefinition(null));
        new Audit(auditLog, security, http).record(AuditActions.CAMERA_ADD, added.id(), "", describe(added));
        URI location = UriBuilder.fromResource(CameraResource.class).path(added.id()).build();
        return Response.created(location).entity(json(added, registry.drivers())).build();
    }

    /** What a trial connection found; the device and streams as the camera told them (no credentials). */
    public record ConnectionTestJson(String status, String detail, DeviceInfo device,
            List<CameraJson.StreamJson> streams) {
    }

    /**
     * Tries a camera's connection without storing anything ("test connection" in the console): a new camera, or an
     * existing one with changed settings (a password left out is the stored one). Answers within about ten seconds.
     */
    @Allow
    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionTestJson testConnection(CameraJson body, @Context SecurityContext security,
            @Context HttpServletRequest http) throws CameraException {
        CameraJson camera = required(body);
        boolean unnamed = camera.id() == null || camera.id().isBlank();
        CameraDefinition definition = camera.toDefinition(unnamed ? TRIAL_ID : null);
        ConnectionTest test = registry.testConnection(definition, CONNECTION_TEST_TIMEOUT);
        new Audit(auditLog, security, http).record(AuditActions.CAMERA_TEST, definition.id(), "",
                "driver=" + definition.driver() + " result=" + test.status().status() + " "
                        + test.status().detail());
        return new ConnectionTestJson(test.status().status().name(), test.status().detail(), test.device(),
                test.streams().stream().map(CameraJson.StreamJson::of).toList());
    }

    @Allow
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CameraJson update(@PathParam("id") String id, CameraJson body, @Context SecurityContext security,
            @Context HttpServletRequest http) throws CameraException {
        if (registry.camera(id).isEmpty()) {
            throw new UnknownCameraException(id);
        }
        Camera updated = registry.update(required(body).toDefinition(id));
        new Audit(auditLog, security, http).record(AuditActions.CAMERA_CHANGE, id, "", describe(updated));
        return json(updated, registry.drivers());
    }

    @Allow
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @Context SecurityContext security,
            @Context HttpServletRequest http) throws UnknownCameraException {
        registry.remove(id);
        new Audit(auditLog, security, http).record(AuditActions.CAMERA_REMOVE, id, "", "");
        return Response.noContent().build();
    }

    /** What an auditor needs to see of a camera's definition; never its driver configuration (secrets). */
    private static String describe(Camera camera) {
        var d = camera.definition();
        return "name=" + d.name() + " driver=" + d.driver() + " location=" + d.location().lat() + ","
                + d.location().lon() + (d.designationId() == null ? "" : " designation=" + d.designationId());
    }

    private static CameraJson required(CameraJson body) throws InvalidCameraException {
        if (body == null) {
            throw new InvalidCameraException(List.of(new ConfigProblem("",
                    "a camera JSON object is required")));
        }
        return body;
    }

    private static Optional<DriverDescription> driver(List<DriverDescription> drivers, Camera camera) {
        return drivers.stream().filter(d -> d.id().equals(camera.definition().driver())).findFirst();
    }
}
