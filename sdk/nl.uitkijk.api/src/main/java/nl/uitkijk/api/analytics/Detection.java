package nl.uitkijk.api.analytics;

import java.util.Map;

/**
 * Something a module found in a frame.
 *
 * @param type what it is: {@code motion}, {@code person}, {@code crowd}, {@code loitering}, {@code line-crossing},
 *             {@code plate}
 * @param confidence 0..1
 * @param x left edge, as a fraction 0..1 of the frame width
 * @param y top edge, as a fraction of the frame height
 * @param width as a fraction of the frame width
 * @param height as a fraction of the frame height
 * @param attributes further facts (e.g. {@code plate=XX-123-Y}, {@code count=14})
 */
public record Detection(String type, double confidence, double x, double y, double width, double height,
        Map<String, String> attributes) {

    public Detection {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
