package nl.uitkijk.rest.internal;

import java.util.Optional;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.privacy.PrivacyMasks;

/** The media hub as a viewer without the unmask right sees it: live subscriptions through the privacy masks. */
public record MaskedHub(MediaHub hub, PrivacyMasks privacy) implements MediaHub {

    @Override
    public AutoCloseable subscribe(String cameraId, String profile, Delivery delivery, MediaSink sink)
            throws UnknownCameraException {
        return privacy.subscribe(cameraId, profile, sink);
    }

    @Override
    public Optional<StreamStats> stats(String cameraId, String profile) {
        return hub.stats(cameraId, profile);
    }
}
