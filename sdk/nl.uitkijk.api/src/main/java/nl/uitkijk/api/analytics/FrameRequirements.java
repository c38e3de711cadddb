package nl.uitkijk.api.analytics;

import nl.uitkijk.api.media.VideoFrame.PixelFormat;

/**
 * What an analytics module needs to see: the analytics runtime decodes no more than this for it.
 *
 * @param maxFps frames per second at most (e.g. 2 for crowd counting)
 * @param maxWidth width in pixels at most; the platform scales down keeping the aspect ratio
 * @param pixelFormat the layout the module wants
 */
public record FrameRequirements(double maxFps, int maxWidth, PixelFormat pixelFormat) {
}
