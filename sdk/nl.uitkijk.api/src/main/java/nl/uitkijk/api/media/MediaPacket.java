package nl.uitkijk.api.media;

/**
 * One compressed video access unit as it came from the camera. Never modified by consumers.
 *
 * @param ptsMicros presentation time in microseconds on the stream's clock
 * @param dtsMicros decoding time in microseconds on the stream's clock
 * @param keyframe whether decoding can start here
 * @param data the bytes (H.264/H.265 in Annex-B form); consumers must not change the array
 * @param wallClockMicros when the packet reached Uitkijk, microseconds since the epoch
 */
public record MediaPacket(long ptsMicros, long dtsMicros, boolean keyframe, byte[] data, long wallClockMicros) {
}
