package nl.uitkijk.api.media;

import org.osgi.annotation.versioning.ConsumerType;

/** An in-process producer of packets; see {@link nl.uitkijk.api.camera.CameraSession#mediaSource(String)}. */
@ConsumerType
public interface MediaSource {

    /**
     * Starts delivering to the sink: first {@link MediaSink#format}, then packets starting at a keyframe.
     *
     * @return closing it stops delivery to this sink
     */
    AutoCloseable subscribe(MediaSink sink);
}
