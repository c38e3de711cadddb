package nl.uitkijk.api.media;

/**
 * A JPEG still of a camera's live picture.
 *
 * @param jpeg the JPEG image; consumers must not change the array (it is shared between viewers)
 * @param width width in pixels
 * @param height height in pixels
 * @param capturedMicros when the picture's packet reached the platform, microseconds since the epoch
 */
public record Still(byte[] jpeg, int width, int height, long capturedMicros) {
}
