package nl.uitkijk.core.internal.media;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub.Delivery;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of a stream with its own bounded queue, drained on the hub's dispatch threads one batch at a time:
 * the ingest thread only enqueues, so a slow consumer costs itself, never the camera or the other consumers.
 * <p>
 * A live viewer is woken for every packet (latency is what it wants). A lossless consumer — the recorder — is woken
 * once per {@link #LOSSLESS_BATCH} of packets, at a keyframe, or when the oldest waiting packet is
 * {@link #LOSSLESS_DELAY_NANOS} old: a thread wake-up costs more than writing a packet, and a recorder does not
 * mind half a second.
 */
final class Subscriber {

    static final int LIVE_CAPACITY = 120;
    static final int LOSSLESS_CAPACITY = 3000;
    private static final int BATCH = 64;
    static final int LOSSLESS_BATCH = 16;
    static final long LOSSLESS_DELAY_NANOS = 500_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

    private sealed interface Item permits FormatItem, PacketItem, EndItem {
    }

    private record FormatItem(MediaFormat format) implements Item {
    }

    private record PacketItem(MediaPacket packet) implements Item {
    }

    private record EndItem(String reason) implements Item {
    }

    private final MediaSink sink;
    private final Delivery delivery;
    private final Executor dispatch;
    private final AtomicLong hubDrops;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private final int capacity;
    private boolean waitingForKeyframe = true;
    /** When the oldest packet not yet handed to the dispatch threads arrived ({@link System#nanoTime()}). */
    private long oldestWaitingNanos;
    private int waiting;
    private boolean scheduled;
    private boolean ended;

    Subscriber(MediaSink sink, Delivery delivery, Executor dispatch, AtomicLong hubDrops) {
        this.sink = sink;
        this.delivery = delivery;
        this.dispatch = dispatch;
        this.hubDrops = hubDrops;
        this.capacity = delivery == Delivery.LIVE ? LIVE_CAPACITY : LOSSLESS_CAPACITY;
    }

    /** A new format: the next packet handed on must start a group of pictures. */
    synchronized void format(MediaFormat format) {
        if (ended) {
            return;
        }
        waitingForKeyframe = true;
        queue.addLast(new FormatItem(format));
        schedule();
    }

    /** @return {@code false} when this subscriber had to be ended because it stayed behind */
    synchronized boolean packet(MediaPacket packet) {
        if (ended) {
            return false;
        }
        if (waitingForKeyframe && !packet.keyframe()) {
            hubDrops.incrementAndGet();
            return true;
        }
        waitingForKeyframe = false;
        if (queue.size() >= capacity) {
            if (delivery == Delivery.LIVE) {
                // Catch up with the present: drop what waits and resume at the next keyframe.
                long dropped = queue.stream().filter(item -> item instanceof PacketItem).count() + 1;
                queue.removeIf(item -> item instanceof PacketItem);
                hubDrops.addAndGet(dropped);
                waitingForKeyframe = true;
                return true;
            }
            endLocked("the consumer fell more than " + capacity + " packets behind");
            return false;
        }
        queue.addLast(new PacketItem(packet));
        if (delivery == Delivery.LIVE) {
            schedule();
            return true;
        }
        long now = System.nanoTime();
        if (waiting++ == 0) {
            oldestWaitingNanos = now;
        }
        if (waiting >= LOSSLESS_BATCH || packet.keyframe() || now - oldestWaitingNanos >= LOSSLESS_DELAY_NANOS) {
            schedule();
        }
        return true;
    }

    /** Hands waiting packets on: called by the hub's timer, and when a connection ends. */
    synchronized void flush(boolean onlyStale) {
        if (waiting > 0 && (!onlyStale || System.nanoTime() - oldestWaitingNanos >= LOSSLESS_DELAY_NANOS)) {
            schedule();
        }
    }

    synchronized void end(String reason) {
        endLocked(reason);
    }

    private void endLocked(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        queue.removeIf(item -> item instanceof PacketItem && delivery == Delivery.LIVE);
        queue.addLast(new EndItem(reason));
        schedule();
    }

    private void schedule() {
        waiting = 0;
        if (!scheduled) {
            scheduled = true;
            try {
                dispatch.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled = false; // the hub is shutting down
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Item item;
            synchronized (this) {
                item = queue.pollFirst();
                if (item == null) {
                    scheduled = false;
                    waiting = 0;
                    return;
                }
            }
            deliver(item);
        }
        synchronized (this) {
            scheduled = false;
            if (!queue.isEmpty()) {
                schedule(); // give other subscribers their turn, then continue
            }
        }
    }

    private void deliver(Item item) {
        try {
            if (item instanceof FormatItem format) {
                sink.format(format.format());
            } else if (item instanceof PacketItem packet) {
                sink.packet(packet.packet());
            } else if (item instanceof EndItem end) {
                sink.ended(end.reason());
            }
        } catch (RuntimeException e) {
            LOG.warn("A media consumer failed and is ended: {}", e.toString());
            synchronized (this) {
                queue.clear();
                ended = true;
            }
        }
    }

    synchronized boolean ended() {
        return ended;
    }
}
