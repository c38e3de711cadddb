package nl.uitkijk.api.discovery;

import java.time.Duration;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/** Looks for cameras of one kind (e.g. WS-Discovery for ONVIF). Registered as a whiteboard service. */
@ConsumerType
public interface DiscoveryParticipant {

    String driverId();

    /** Scans for at most {@code timeout}, reporting each camera found; returns when done. */
    void scan(Duration timeout, Consumer<DiscoveredCamera> found);
}
