package nl.uitkijk.rest.internal;

/**
 * A camera's maximum age of footage in days (at most 28, the legal maximum); {@code null} in a PUT returns the
 * camera to the platform's default.
 */
public record RetentionJson(Integer maxAgeDays) {
}
