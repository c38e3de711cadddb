package nl.uitkijk.api.privacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nl.uitkijk.api.camera.CameraException;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StillSink;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A camera's fixed privacy masks and its pictures as seen through them. Every method that hands out pictures gives
 * the masked ones for a camera that has masks (filled, then re-encoded on the server) and the original ones, untouched,
 * for a camera that has none. Who may see a camera unmasked is decided by the caller (supervisors, and police for
 * shared cameras, with a reason, audited); the recording always keeps the original.
 */
@ProviderType
public interface PrivacyMasks {

    /**
     * One mask: a polygon in fractions 0..1 of the picture (x to the right, y down), at least three points.
     *
     * @param polygon the corners, each {@code [x, y]}
     */
    record Mask(List<double[]> polygon) {
        public Mask {
            polygon = List.copyOf(polygon);
        }
    }

    /** The camera's masks, empty for none. */
    List<Mask> masks(String cameraId) throws UnknownCameraException;

    /**
     * Replaces a camera's masks (an empty list removes them); audited as {@code privacy.masks}. Live viewers of the
     * camera see the new masks from their next keyframe.
     *
     * @throws nl.uitkijk.api.camera.InvalidCameraException naming the mask and point at fault
     */
    List<Mask> setMasks(String cameraId, List<Mask> masks, String user) throws CameraException;

    /**
     * The camera's stream as seen through its masks: H.264 re-encoded with the masks filled, shared by all masked
     * viewers of the camera and stopped with the last; the hub's own stream (a {@code LIVE} subscription) for a
     * camera without masks.
     */
    AutoCloseable subscribe(String cameraId, String profile, MediaSink sink) throws UnknownCameraException;

    /** Stills as seen through the camera's masks. */
    AutoCloseable subscribeStills(String cameraId, String profile, int maxWidth, StillSink sink)
            throws UnknownCameraException;

    /** A JPEG of the camera as seen through its masks (the same bytes for a camera without masks). */
    byte[] mask(String cameraId, byte[] jpeg);

    /**
     * Writes an MP4 of the camera's footage as seen through its masks to {@code target}: re-encoded with the masks
     * filled; a plain copy for a camera without masks.
     *
     * @return whether anything was masked
     */
    boolean mask(String cameraId, Path mp4, Path target) throws IOException;
}
