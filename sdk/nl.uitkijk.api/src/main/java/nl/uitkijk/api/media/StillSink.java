package nl.uitkijk.api.media;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives stills of a camera. Called from the platform's threads: return quickly and never block. */
@ConsumerType
public interface StillSink {

    void still(Still still);

    /** The stream ended or broke; no more calls follow. */
    void ended(String reason);
}
