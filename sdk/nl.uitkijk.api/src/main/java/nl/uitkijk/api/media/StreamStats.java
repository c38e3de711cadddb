package nl.uitkijk.api.media;

import java.time.Instant;

/**
 * Counters of one camera stream in the media hub.
 *
 * @param connected whether packets are flowing now
 * @param bitrateKbps received bit rate over the last seconds
 * @param fps received video packets per second over the last seconds
 * @param lastPacket when the last packet arrived, or {@code null}
 * @param packets packets received since the stream was opened
 * @param bytes bytes received since the stream was opened
 * @param reconnects how often the connection was re-established
 * @param droppedPackets packets not delivered to some subscriber because it fell behind
 * @param subscribers current subscribers
 * @param lastError the last connection problem, or empty
 */
public record StreamStats(String cameraId, String profile, boolean connected, double bitrateKbps, double fps,
        Instant lastPacket, long packets, long bytes, long reconnects, long droppedPackets, int subscribers,
        String lastError) {
}
