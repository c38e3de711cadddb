package nl.uitkijk.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.ConfigParameter;
import nl.uitkijk.api.camera.ConfigProblem;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.DriverDescription;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.media.StreamProfile;

/** A camera as the API shows it. Read-only fields sent back by a client (a GET turned into a PUT) are ignored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = { "status", "statusDetail", "statusSince", "streams", "device", "legal" },
        allowGetters = true)
public record CameraJson(String id, String name, String driver, Map<String, Object> config, LocationJson location,
        String site, String designationId, String status, String statusDetail, Instant statusSince,
        List<StreamJson> streams, DeviceInfo device, LegalJson legal) {

    /** Whether the camera may be used now, and why (or why not). */
    public record LegalJson(String designationId, boolean permitted, String reason) {
        static LegalJson of(LegalStatus status) {
            return status == null ? null : new LegalJson(status.designationId(), status.permitted(), status.reason());
        }
    }

    /** Coordinates in WGS84; boxed so that a missing one can be told from 0. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocationJson(Double lat, Double lon, Double direction, String address) {
    }

    public record StreamJson(String name, String uri, String codec, int width, int height, double fps) {
        static StreamJson of(StreamProfile profile) {
            return new StreamJson(profile.name(), withoutUserInfo(profile.uri()), profile.codec(), profile.width(),
                    profile.height(), profile.fps());
        }

        /** A stream address never carries the camera's credentials to a client. */
        private static String withoutUserInfo(java.net.URI uri) {
            if (uri == null) {
                return null;
            }
            if (uri.getRawUserInfo() == null) {
                return uri.toString();
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    static CameraJson of(Camera camera, Optional<DriverDescription> driver, LegalStatus legal) {
        CameraDefinition d = camera.definition();
        Location l = d.location();
        return new CameraJson(d.id(), d.name(), d.driver(), maskSecrets(d.config(), driver),
                new LocationJson(l.lat(), l.lon(), l.direction(), l.address()), d.site(), d.designationId(),
                camera.status().status().name(), camera.status().detail(), camera.status().since(),
                camera.streams().stream().map(StreamJson::of).toList(),
                DeviceInfo.NONE.equals(camera.device()) ? null : camera.device(), LegalJson.of(legal));
    }

    /**
     * What the police see of a camera shared with them: no driver configuration and no camera addresses (they watch
     * through Uitkijk, never the camera itself).
     */
    CameraJson forPolice() {
        List<StreamJson> withoutAddresses = streams == null ? null : streams.stream()
                .map(s -> new StreamJson(s.name(), null, s.codec(), s.width(), s.height(), s.fps())).toList();
        return new CameraJson(id, name, null, null, location, site, designationId, status, statusDetail, statusSince,
                withoutAddresses, null, legal);
    }

    /**
     * The definition the client asks for.
     *
     * @param pathId the id from the URL for PUT, or {@code null} for POST
     */
    CameraDefinition toDefinition(String pathId) throws InvalidCameraException {
        List<ConfigProblem> problems = new ArrayList<>();
        String effectiveId = id;
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                problems.add(new ConfigProblem("id", "must match the URL ('" + pathId + "'); ids cannot be changed"));
            }
            effectiveId = pathId;
        }
        Location parsed = null;
        if (location == null) {
            problems.add(new ConfigProblem("location", "is required: {\"lat\": …, \"lon\": …} in WGS84"));
        } else {
            if (location.lat() == null) {
                problems.add(new ConfigProblem("location.lat", "is required"));
            }
            if (location.lon() == null) {
                problems.add(new ConfigProblem("location.lon", "is required"));
            }
            if (location.lat() != null && location.lon() != null) {
                parsed = new Location(location.lat(), location.lon(), location.direction(), location.address());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCameraException(problems);
        }
        Map<String, Object> cleanConfig = config == null ? Map.of() : new LinkedHashMap<>(config);
        cleanConfig.values().removeIf(value -> value == null);
        return new CameraDefinition(effectiveId, name, driver, cleanConfig, parsed, site, designationId);
    }

    private static Map<String, Object> maskSecrets(Map<String, Object> config, Optional<DriverDescription> driver) {
        Map<String, Object> masked = new LinkedHashMap<>(config);
        for (String key : config.keySet()) {
            boolean secret = driver
                    .map(description -> description.parameters().stream()
                            .anyMatch(p -> p.name().equals(key) && p.secret()))
                    .orElseGet(() -> looksSecret(key));
            if (secret) {
                masked.put(key, ConfigParameter.SECRET_MASK);
            } else if (config.get(key) instanceof String text && text.matches("(?i)[a-z][a-z0-9+.-]*://[^/@]*@.*")) {
                masked.put(key, text.replaceFirst("://[^/@]*@", "://" + ConfigParameter.SECRET_MASK + "@"));
            }
        }
        return masked;
    }

    /** When the driver is absent its schema is unknown: hide whatever is named like a secret. */
    static boolean looksSecret(String key) {
        return ConfigParameter.looksSecret(key);
    }
}
