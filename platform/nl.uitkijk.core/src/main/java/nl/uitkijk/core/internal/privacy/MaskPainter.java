package nl.uitkijk.core.internal.privacy;

import nl.uitkijk.api.media.VideoFrame;

/**
 * Fills a camera's privacy masks in a decoded picture before an analytics module sees it: what nobody may watch is
 * not analysed either (no plate read in a driveway, no person counted in a garden).
 */
public interface MaskPainter {

    /** Fills the masks in place (black, or zero for grey pictures); nothing for a camera without masks. */
    void paint(String cameraId, VideoFrame picture);
}
