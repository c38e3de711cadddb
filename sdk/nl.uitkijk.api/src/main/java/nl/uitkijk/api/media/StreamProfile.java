package nl.uitkijk.api.media;

import java.net.URI;

/**
 * One stream a camera offers (e.g. a high-resolution main stream and a low-resolution sub stream).
 *
 * @param name profile name, unique per camera: {@code main}, {@code sub}, or the camera's own token
 * @param uri where to pull it (rtsp://…), without credentials; {@code null} for in-process sources
 *            (see {@link nl.uitkijk.api.camera.CameraSession#mediaSource(String)})
 * @param codec codec name as FFmpeg names it: {@code h264}, {@code hevc}, {@code mjpeg}; {@code null} if unknown
 * @param width width in pixels, 0 if unknown
 * @param height height in pixels, 0 if unknown
 * @param fps frames per second, 0 if unknown
 */
public record StreamProfile(String name, URI uri, String codec, int width, int height, double fps) {
}
