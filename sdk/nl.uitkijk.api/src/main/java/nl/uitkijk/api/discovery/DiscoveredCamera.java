package nl.uitkijk.api.discovery;

import java.time.Instant;
import java.util.Map;
import nl.uitkijk.api.camera.DeviceInfo;

/**
 * A camera found on the network, waiting in the inbox for an administrator's approval.
 *
 * @param driverId the driver that would talk to it
 * @param address how it was reached (host or URL), never contacted unless approved
 * @param device what it said about itself
 * @param proposedConfig the driver configuration the camera would get on approval (no secrets)
 * @param seenAt when it answered last
 */
public record DiscoveredCamera(String driverId, String address, DeviceInfo device, Map<String, Object> proposedConfig,
        Instant seenAt) {

    public DiscoveredCamera {
        proposedConfig = proposedConfig == null ? Map.of() : Map.copyOf(proposedConfig);
    }
}
