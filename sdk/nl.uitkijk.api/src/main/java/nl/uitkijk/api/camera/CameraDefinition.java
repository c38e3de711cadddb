package nl.uitkijk.api.camera;

import java.util.Map;
import java.util.Objects;

/**
 * What an administrator configures for one camera; persisted by the platform.
 *
 * @param id stable identifier, lower case letters, digits and '-' (e.g. {@code heerlen-pancratiusplein-1})
 * @param name human name shown to operators
 * @param driver id of the driver that talks to the camera (see {@link CameraDriver#DRIVER_ID})
 * @param config driver-specific configuration (see {@link DriverDescription#parameters()})
 * @param location where the camera stands
 * @param site the area it belongs to (e.g. "Centrum", "Heerlerheide", "Hoensbroek"), or {@code null}
 * @param designationId the legal designation that covers the camera, or {@code null} if none yet
 */
public record CameraDefinition(String id, String name, String driver, Map<String, Object> config,
        Location location, String site, String designationId) {

    public CameraDefinition {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public CameraDefinition withConfig(Map<String, Object> newConfig) {
        return new CameraDefinition(id, name, driver, newConfig, location, site, designationId);
    }

    public CameraDefinition withId(String newId) {
        return new CameraDefinition(Objects.requireNonNull(newId), name, driver, config, location, site, designationId);
    }
}
