package nl.uitkijk.core.internal.media;

import java.util.ArrayDeque;

/** Packets and bytes per second over a sliding window, for stream statistics. */
final class PacketRate {

    private record Sample(long nanos, int bytes) {
    }

    private final long windowNanos;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long bytesInWindow;

    PacketRate(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    synchronized void add(long nanos, int bytes) {
        samples.addLast(new Sample(nanos, bytes));
        bytesInWindow += bytes;
        expire(nanos);
    }

    synchronized double packetsPerSecond(long nanos) {
        expire(nanos);
        return samples.size() * 1e9 / windowNanos;
    }

    synchronized double kilobitsPerSecond(long nanos) {
        expire(nanos);
        return bytesInWindow * 8 / 1000.0 * 1e9 / windowNanos;
    }

    private void expire(long nanos) {
        while (!samples.isEmpty() && nanos - samples.peekFirst().nanos() > windowNanos) {
            bytesInWindow -= samples.removeFirst().bytes();
        }
    }
}
