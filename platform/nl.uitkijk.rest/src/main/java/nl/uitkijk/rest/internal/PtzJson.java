package nl.uitkijk.rest.internal;

/**
 * A PTZ command: {@code move} (pan, tilt, zoom velocities −1 … 1, until {@code stop}), {@code stop},
 * {@code preset} (with {@code preset}, a preset token), {@code home}.
 */
public record PtzJson(String action, Double pan, Double tilt, Double zoom, String preset) {
}
