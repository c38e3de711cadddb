package nl.uitkijk.transparency.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraRegistry;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.Deployment;
import nl.uitkijk.api.governance.Deployments;
import nl.uitkijk.api.governance.Designation;
import nl.uitkijk.api.governance.Designations;
import nl.uitkijk.api.governance.LegalBasis;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.governance.RetentionService;
import nl.uitkijk.api.media.StreamProfile;

/**
 * What the public may know, taken from the platform at one moment: the designations in force or announced, the
 * cameras that watch under them now (a camera without a legal basis does not watch, so it is not listed), and the
 * planned deployments of mobile cameras. Deliberately a separate model: nothing internal (ids, stream addresses,
 * driver settings, status details) can reach the public pages, because it is never copied here.
 */
final class PublicRegister {

    /** A camera as the public sees it. */
    record PublicCamera(String name, String address, double lat, double lon, Double direction, boolean mobile,
            String deployment, Instant deployedUntil, PublicDesignation designation, int retentionDays,
            String imageQuality, Map<String, String> analytics) {
    }

    /** A designation as published (the decision itself is public). */
    record PublicDesignation(Designation designation) {
        String name() {
            return designation.name();
        }
    }

    /** A planned deployment of a mobile camera. */
    record PlannedDeployment(String name, Location location, Instant from, Instant until,
            PublicDesignation designation) {
    }

    final Instant at;
    final List<PublicDesignation> designations;
    final List<PublicCamera> cameras;
    final List<PlannedDeployment> planned;
    /** How long a plate read that is not on the hotlist is kept (0: not at all): the public page says so. */
    final long plateNoHitSeconds;

    private PublicRegister(Instant at, List<PublicDesignation> designations, List<PublicCamera> cameras,
            List<PlannedDeployment> planned, long plateNoHitSeconds) {
        this.at = at;
        this.designations = designations;
        this.cameras = cameras;
        this.planned = planned;
        this.plateNoHitSeconds = plateNoHitSeconds;
    }

    /** The same register, saying how long plate no-hits are kept. */
    PublicRegister withPlateNoHitSeconds(long seconds) {
        return new PublicRegister(at, designations, cameras, planned, seconds);
    }

    static PublicRegister of(Instant now, CameraRegistry registry, Designations designations, Deployments deployments,
            LegalBasis legal, RetentionService retention, Map<String, Map<String, String>> analytics) {
        Map<String, PublicDesignation> published = designations.all().stream()
                .filter(d -> now.isBefore(d.validUntil()))
                .collect(Collectors.toMap(Designation::id, PublicDesignation::new, (a, b) -> a,
                        java.util.LinkedHashMap::new));
        List<PublicCamera> cameras = new ArrayList<>();
        for (Camera camera : registry.cameras()) {
            CameraDefinition d = camera.definition();
            LegalStatus status = legal.status(d, now);
            PublicDesignation covering = status.designationId() == null ? null : published.get(status.designationId());
            if (!status.permitted() || covering == null) {
                continue;
            }
            Optional<Deployment> deployment = deployments.active(d.id(), now);
            Location place = deployment.map(Deployment::location).orElse(d.location());
            cameras.add(new PublicCamera(d.name(), place.address(), place.lat(), place.lon(), place.direction(),
                    deployment.isPresent(), deployment.map(Deployment::name).orElse(null),
                    deployment.map(Deployment::until).orElse(null), covering,
                    (int) Math.max(1, retention.maximumAge(d.id()).toDays()), imageQuality(camera.streams()),
                    new java.util.TreeMap<>(analytics.getOrDefault(d.id(), Map.of()))));
        }
        cameras.sort(Comparator.comparing(PublicCamera::name));
        Map<String, String> cameraNames = registry.cameras().stream()
                .collect(Collectors.toMap(Camera::id, c -> c.definition().name(), (a, b) -> a));
        List<PlannedDeployment> planned = deployments.all().stream()
                .filter(d -> d.from().isAfter(now) && published.containsKey(d.designationId())
                        && cameraNames.containsKey(d.cameraId()))
                .map(d -> new PlannedDeployment(d.name(), d.location(), d.from(), d.until(),
                        published.get(d.designationId())))
                .toList();
        return new PublicRegister(now, List.copyOf(published.values()), List.copyOf(cameras), planned, 0);
    }

    /** The main stream's resolution, e.g. "1920×1080 (2.1 megapixel)"; "unknown" until the camera reported it. */
    static String imageQuality(List<StreamProfile> streams) {
        return streams.stream().filter(s -> s.width() > 0 && s.height() > 0)
                .max(Comparator.comparingInt(s -> s.width() * s.height()))
                .map(s -> s.width() + "x" + s.height() + String.format(java.util.Locale.ROOT, " (%.1f MP)",
                        s.width() * (double) s.height() / 1e6))
                .orElse("unknown");
    }
}
