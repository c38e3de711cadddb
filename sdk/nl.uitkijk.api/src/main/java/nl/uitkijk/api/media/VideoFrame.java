package nl.uitkijk.api.media;

import java.nio.ByteBuffer;

/**
 * A decoded picture for analytics. The buffer is only valid during the call it is passed to: copy what you keep.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param stride bytes per row
 * @param pixelFormat the layout of {@code pixels}
 * @param pixels the pixel data
 * @param timestampMicros capture time, microseconds since the epoch
 */
public record VideoFrame(int width, int height, int stride, PixelFormat pixelFormat, ByteBuffer pixels,
        long timestampMicros) {

    /** Pixel layouts the platform delivers. */
    public enum PixelFormat {
        /** 8-bit luminance only: cheapest for motion detection. */
        GRAY8,
        /** 24-bit blue-green-red, OpenCV's default. */
        BGR24
    }
}
