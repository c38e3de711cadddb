package nl.uitkijk.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.connector.ConnectorInstance;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalHolds;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.governance.Retention;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.recording.RecordingPolicies;

/**
 * The inventory a data protection impact assessment (DPIA, AVG art. 35) starts from, taken from the running system
 * so that it cannot drift from reality: cameras and what they see, the legal basis of each, retention and holds,
 * who may access what, and where images and alarms go. Never a credential or stream address.
 */
public record DpiaReport(Instant generatedAt, String legalBasis, List<CameraEntry> cameras,
        List<DesignationEntry> designations, List<DeploymentEntry> deployments, RetentionEntry retention,
        List<RoleEntry> roles, List<RecipientEntry> recipients, List<AnalyticsEntry> analytics,
        long exportsLastYear) {

    public record CameraEntry(String id, String name, String site, double lat, double lon, Double direction,
            String address, String fieldOfView, String resolution, String designationId, boolean permitted,
            String legalReason, String recordingMode, long retentionDays, long activeHolds,
            Map<String, String> analytics, int privacyMasks) {
    }

    public record DesignationEntry(String id, String name, String decisionReference, LocalDate decisionDate,
            String purpose, Instant validFrom, Instant validUntil, String liveViewWindows, LocalDate evaluationDate,
            long cameras, List<String> personalData) {
    }

    public record DeploymentEntry(String id, String cameraId, String designationId, String name, double lat,
            double lon, Instant from, Instant until) {
    }

    public record RetentionEntry(long legalMaximumDays, long activeHolds, String rule) {
    }

    public record RoleEntry(String role, String access) {
    }

    public record RecipientEntry(String id, String label, String kind, boolean connected) {
    }

    public record AnalyticsEntry(String id, String label, List<String> personalData) {
    }

    /** What each role may do, as the resource methods declare it and the REST filter enforces it. */
    static final List<RoleEntry> ROLES = java.util.Arrays.stream(Role.values())
            .map(role -> new RoleEntry(role.principal(), role.access())).toList();

    static DpiaReport of(Instant now, CameraRegistry registry, Designations designations, Deployments deployments,
            LegalBasis legal, RetentionService retention, LegalHolds holds, RecordingPolicies policies,
            List<ConnectorInstance> connectors, List<AnalyticsModule> analytics,
            Map<String, Map<String, String>> analyticsByCamera, Map<String, Integer> masksByCamera,
            long exportsLastYear) {
        List<CameraEntry> cameras = registry.cameras().stream().map(camera -> {
            CameraDefinition d = camera.definition();
            LegalStatus status = legal.status(d, now);
            return new CameraEntry(d.id(), d.name(), d.site(), d.location().lat(), d.location().lon(),
                    d.location().direction(), d.location().address(), fieldOfView(camera), resolution(camera),
                    d.designationId(), status.permitted(), status.reason(), policies.policy(d.id()).mode().name(),
                    retention.maximumAge(d.id()).toDays(), holds.active(d.id()).size(),
                    analyticsByCamera.getOrDefault(d.id(), Map.of()), masksByCamera.getOrDefault(d.id(), 0));
        }).toList();
        List<DesignationEntry> designated = designations.all().stream().map(d -> new DesignationEntry(d.id(),
                d.name(), d.decisionReference(), d.decisionDate(), d.purpose(), d.validFrom(), d.validUntil(),
                windows(d), d.evaluationDate(), cameras.stream().filter(c -> d.id().equals(c.designationId()))
                        .count(), d.personalData().stream().map(Enum::name).sorted().toList())).toList();
        List<DeploymentEntry> deployed = deployments.all().stream().map(d -> new DeploymentEntry(d.id(),
                d.cameraId(), d.designationId(), d.name(), d.location().lat(), d.location().lon(), d.from(),
                d.until())).toList();
        long activeHolds = holds.all().stream().filter(h -> h.active()).count();
        return new DpiaReport(now, "Gemeentewet art. 151c (designation by the burgemeester); images are police data "
                + "(Wet politiegegevens)", cameras, designated, deployed, new RetentionEntry(
                        Retention.LEGAL_MAXIMUM.toDays(), activeHolds, "footage older than the camera's retention "
                                + "(at most " + Retention.LEGAL_MAXIMUM.toDays() + " days) is deleted automatically "
                                + "and each deletion is logged; only a legal hold (reason and case number) keeps it "
                                + "longer"),
                ROLES, connectors.stream().sorted(Comparator.comparing(ConnectorInstance::id))
                        .map(c -> new RecipientEntry(c.id(), c.label(), "control room (" + c.kind() + " connector)",
                                c.connected())).toList(),
                analytics.stream().sorted(Comparator.comparing(AnalyticsModule::id))
                        .map(a -> new AnalyticsEntry(a.id(), a.label(), a.personalData().stream().map(Enum::name)
                                .sorted().toList())).toList(),
                exportsLastYear);
    }

    private static String fieldOfView(Camera camera) {
        Double direction = camera.definition().location().direction();
        return direction == null ? "direction not recorded" : "looks towards " + Math.round(direction) + "°";
    }

    private static String resolution(Camera camera) {
        return camera.streams().stream().filter(s -> s.width() > 0).findFirst()
                .map(s -> s.width() + "x" + s.height()).orElse("unknown");
    }

    private static String windows(Designation d) {
        return d.liveViewWindows().isEmpty() ? "throughout the period" : d.liveViewWindows().stream()
                .map(w -> w.days() + " " + w.from() + "-" + w.until()).collect(Collectors.joining("; "));
    }

    /** The same inventory as a plain, printable HTML document. */
    static String html(DpiaReport r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>DPIA inventory – camera surveillance</title><style>body{font:14px/1.5 sans-serif;"
                + "margin:2rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px "
                + "solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#eee}</style>"
                + "</head><body><h1>DPIA inventory: camera surveillance</h1>");
        h.append("<p>Generated ").append(escape(r.generatedAt())).append(" from the running system. Legal basis: ")
                .append(escape(r.legalBasis())).append(".</p>");
        h.append("<h2>Cameras (").append(r.cameras().size()).append(")</h2>");
        table(h, List.of("Id", "Name", "Place", "Field of view", "Resolution", "Designation", "Permitted now",
                "Recording", "Retention (days)", "Active holds", "Analytics", "Privacy masks"),
                r.cameras().stream().map(c -> List.<Object>of(
                        c.id(), c.name(), (c.address() == null ? "" : c.address() + " ") + "(" + c.lat() + ", "
                                + c.lon() + ")", c.fieldOfView(), c.resolution(),
                        c.designationId() == null ? "none" : c.designationId(), (c.permitted() ? "yes: " : "no: ")
                                + c.legalReason(), c.recordingMode(), c.retentionDays(), c.activeHolds(),
                        c.analytics().isEmpty() ? "none" : String.join(", ", c.analytics().keySet()),
                        c.privacyMasks())).toList());
        h.append("<h2>Designations (").append(r.designations().size()).append(")</h2>");
        table(h, List.of("Id", "Name", "Decision", "Purpose", "Valid", "Live view", "Evaluation", "Cameras",
                "Analytics may process"), r.designations().stream().map(d -> List.<Object>of(d.id(), d.name(),
                        d.decisionReference() + (d.decisionDate() == null ? "" : " of " + d.decisionDate()),
                        d.purpose(), d.validFrom() + " – " + d.validUntil(), d.liveViewWindows(),
                        d.evaluationDate() == null ? "" : d.evaluationDate(), d.cameras(),
                        d.personalData().isEmpty() ? "no personal data" : String.join(", ", d.personalData())))
                        .toList());
        h.append("<h2>Mobile deployments (").append(r.deployments().size()).append(")</h2>");
        table(h, List.of("Id", "Camera", "Designation", "Name", "Place", "Period"), r.deployments().stream()
                .map(d -> List.<Object>of(d.id(), d.cameraId(), d.designationId(), d.name(), d.lat() + ", " + d.lon(),
                        d.from() + " – " + d.until())).toList());
        h.append("<h2>Retention</h2><p>").append(escape(r.retention().rule())).append(". Active legal holds: ")
                .append(r.retention().activeHolds()).append(".</p>");
        h.append("<h2>Roles with access</h2>");
        table(h, List.of("Role", "Access"), r.roles().stream().map(x -> List.<Object>of(x.role(), x.access()))
                .toList());
        h.append("<h2>Recipients</h2>");
        table(h, List.of("Id", "Label", "Kind", "Connected"), r.recipients().stream().map(x -> List.<Object>of(
                x.id(), x.label(), x.kind(), x.connected())).toList());
        h.append("<p>Exports in the last 365 days (each with user, reason and SHA-256 in the audit log): ")
                .append(r.exportsLastYear()).append(".</p>");
        h.append("<h2>Analytics</h2>");
        table(h, List.of("Id", "Label", "Personal data"), r.analytics().stream().map(x -> List.<Object>of(x.id(),
                x.label(), String.join(", ", x.personalData()))).toList());
        return h.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder h, List<String> header, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            h.append("<p>None.</p>");
            return;
        }
        h.append("<table><thead><tr>");
        header.forEach(column -> h.append("<th scope=\"col\">").append(escape(column)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<Object> row : rows) {
            h.append("<tr>");
            row.forEach(cell -> h.append("<td>").append(escape(cell)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    static String escape(Object value) {
        return value == null ? "" : value.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
