package nl.uitkijk.api.camera;

import java.util.List;

/**
 * What a driver is and which configuration it takes.
 *
 * @param id stable driver id, e.g. {@code rtsp}, {@code onvif}, {@code axis}
 * @param label human name
 * @param description one or two sentences on what it supports
 * @param parameters configuration keys it understands
 */
public record DriverDescription(String id, String label, String description, List<ConfigParameter> parameters) {

    public DriverDescription {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
