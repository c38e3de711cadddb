package nl.uitkijk.core.internal.governance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designation.LiveViewWindow;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The legal status of a camera, from its designation's period and area (or its mobile deployment's). Reasons name
 * the designation and dates in Dutch local time, for operators and the public alike.
 */
@Component(service = LegalBasis.class)
public class LegalBasisImpl implements LegalBasis {

    static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Designations designations;
    private final Deployments deployments;

    @Activate
    public LegalBasisImpl(@Reference Designations designations, @Reference Deployments deployments) {
        this.designations = designations;
        this.deployments = deployments;
    }

    @Override
    public LegalStatus status(CameraDefinition camera, Instant at) {
        Optional<Deployment> deployment = deployments.active(camera.id(), at);
        if (deployment.isPresent()) {
            Deployment d = deployment.get();
            return inForce(d.designationId(), d.location(), at, "deployed for '" + d.name() + "' until "
                    + local(d.until()));
        }
        if (camera.designationId() == null || camera.designationId().isBlank()) {
            List<Deployment> planned = deployments.ofCamera(camera.id());
            if (!planned.isEmpty()) {
                Optional<Deployment> next = planned.stream().filter(d -> d.from().isAfter(at)).findFirst();
                return new LegalStatus(null, false, next.map(d -> "mobile camera, not deployed now; next deployment '"
                        + d.name() + "' from " + local(d.from())).orElse("mobile camera, not deployed now"),
                        "legal.not-deployed", next.map(d -> Map.of("deployment", d.name(), "date", local(d.from())))
                                .orElse(Map.of()));
            }
            return new LegalStatus(null, false, "no designation (aanwijzingsbesluit, Gemeentewet art. 151c) "
                    + "covers this camera", "legal.no-designation", Map.of());
        }
        return inForce(camera.designationId(), camera.location(), at, null);
    }

    @Override
    public LegalStatus liveView(CameraDefinition camera, Instant at) {
        LegalStatus status = status(camera, at);
        if (!status.permitted()) {
            return status;
        }
        Designation designation = designations.designation(status.designationId()).orElse(null);
        if (designation == null || designation.liveViewWindows() == null || designation.liveViewWindows().isEmpty()
                || designation.liveViewWindows().stream().anyMatch(w -> within(w, at.atZone(LOCAL)
                        .toLocalDateTime()))) {
            return status;
        }
        return new LegalStatus(status.designationId(), false, "live view is allowed only "
                + designation.liveViewWindows().stream().map(LegalBasisImpl::describe)
                        .collect(Collectors.joining("; "))
                + " (designation '" + designation.name() + "')", "legal.outside-window", Map.of("designation",
                        designation.name(), "windows", designation.liveViewWindows().stream().map(w -> w.days().stream()
                                .map(day -> day.name().substring(0, 3)).collect(Collectors.joining(",")) + " " + w.from()
                                + "–" + w.until()).collect(Collectors.joining(";"))));
    }

    @Override
    public List<ConfigProblem> check(CameraDefinition camera) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (camera.designationId() == null || camera.designationId().isBlank()) {
            return problems;
        }
        Optional<Designation> designation = designations.designation(camera.designationId());
        if (designation.isEmpty()) {
            problems.add(new ConfigProblem("designationId", "no designation '" + camera.designationId() + "'"));
        } else if (camera.location() == null) {
            problems.add(new ConfigProblem("location", "is required for a camera bound to a designation"));
        } else if (!Areas.contains(designation.get(), camera.location())) {
            problems.add(new ConfigProblem("location", "(" + camera.location().lat() + ", " + camera.location().lon()
                    + ") lies outside the area of designation '" + designation.get().name() + "'"));
        }
        return problems;
    }

    private LegalStatus inForce(String designationId, Location location, Instant at, String via) {
        Optional<Designation> found = designations.designation(designationId);
        if (found.isEmpty()) {
            return new LegalStatus(designationId, false, "designation '" + designationId + "' does not exist "
                    + "(withdrawn)", "legal.withdrawn", Map.of("designation", designationId));
        }
        Designation d = found.get();
        String named = "designation '" + d.name() + "' (" + d.decisionReference() + ")";
        if (at.isBefore(d.validFrom())) {
            return new LegalStatus(designationId, false, named + " takes effect on " + local(d.validFrom()),
                    "legal.not-yet", Map.of("designation", d.name(), "date", local(d.validFrom())));
        }
        if (!at.isBefore(d.validUntil())) {
            return new LegalStatus(designationId, false, named + " ended on " + local(d.validUntil()),
                    "legal.ended", Map.of("designation", d.name(), "date", local(d.validUntil())));
        }
        if (location == null) {
            return new LegalStatus(designationId, false, "the camera has no location, so " + named
                    + " cannot cover it", "legal.no-location", Map.of("designation", d.name()));
        }
        if (!Areas.contains(d, location)) {
            return new LegalStatus(designationId, false, "the camera stands outside the area of " + named,
                    "legal.outside-area", Map.of("designation", d.name()));
        }
        return new LegalStatus(designationId, true, named + ", in force until " + local(d.validUntil())
                + (via == null ? "" : "; " + via), "legal.in-force", Map.of("designation", d.name(), "date",
                        local(d.validUntil())));
    }

    /** Whether a moment (local time) falls in a window; a window whose end is before its start runs past midnight. */
    static boolean within(LiveViewWindow window, LocalDateTime at) {
        var time = at.toLocalTime();
        if (window.from().isBefore(window.until())) {
            return window.days().contains(at.getDayOfWeek()) && !time.isBefore(window.from())
                    && time.isBefore(window.until());
        }
        return window.days().contains(at.getDayOfWeek()) && !time.isBefore(window.from())
                || window.days().contains(at.getDayOfWeek().minus(1)) && time.isBefore(window.until());
    }

    private static String describe(LiveViewWindow w) {
        return w.days().stream().map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", ")) + " " + w.from() + "–" + w.until();
    }

    static String local(Instant instant) {
        return WHEN.format(instant.atZone(LOCAL));
    }
}
