package nl.uitkijk.api.media;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a packet stream. Called from the source's thread: return quickly and never block.
 */
@ConsumerType
public interface MediaSink {

    /** The format, before the first packet and again whenever it changes. */
    void format(MediaFormat format);

    void packet(MediaPacket packet);

    /** The stream ended or broke; no more calls follow. */
    void ended(String reason);
}
