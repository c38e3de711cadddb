package nl.uitkijk.rest.internal.live;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.rest.internal.live.VideoFragmenter.Chunk;

/**
 * One browser's live view: the hub's packets (one ingest, whatever the number of viewers) become fMP4 chunks for
 * this viewer, queued for its socket with one send in flight at a time. A viewer that falls more than
 * {@link #MAX_QUEUED_BYTES} behind loses the queue and starts again at the next keyframe, so a slow browser costs
 * neither memory nor the other viewers. The hub calls the sink on its delivery thread: nothing here blocks.
 */
final class LiveViewer implements MediaSink {

    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

    /** Where chunks go: a text message (the codec of a new initialisation segment) or binary, asynchronously. */
    interface Outlet {
        void text(String message);

        /** Sends; calls {@code done} when the bytes are out (or the send failed). */
        void binary(ByteBuffer bytes, Runnable done);

        void end(String reason);
    }

    private final VideoFragmenter fragmenter = new VideoFragmenter();
    private final Outlet outlet;
    private final Consumer<MediaPacket> arrivals;
    private final boolean timing;
    private final Deque<Chunk> queue = new ArrayDeque<>();
    private int queuedBytes;
    private boolean sending;
    private boolean ended;

    /**
     * @param arrivals told of every packet as it arrives; may do nothing
     * @param timing precede each fragment by the time its packet reached the platform (the latency benchmark)
     */
    LiveViewer(Outlet outlet, Consumer<MediaPacket> arrivals, boolean timing) {
        this.outlet = outlet;
        this.arrivals = arrivals;
        this.timing = timing;
    }

    @Override
    public void format(MediaFormat format) {
        synchronized (this) {
            fragmenter.format(format);
        }
    }

    @Override
    public void packet(MediaPacket packet) {
        arrivals.accept(packet);
        synchronized (this) {
            if (ended) {
                return;
            }
            for (Chunk chunk : fragmenter.packet(packet)) {
                if (queuedBytes + chunk.bytes().length > MAX_QUEUED_BYTES) {
                    queue.clear();
                    queuedBytes = 0;
                    fragmenter.resync(); // fell behind: start again at the next keyframe
                    return;
                }
                queue.add(chunk);
                queuedBytes += chunk.bytes().length;
            }
        }
        sendNext();
    }

    @Override
    public void ended(String reason) {
        synchronized (this) {
            ended = true;
            queue.clear();
        }
        outlet.end(reason);
    }

    /** The browser is told the codec before each initialisation segment, so it can (re)create its buffer. */
    private void sendNext() {
        Chunk next;
        synchronized (this) {
            if (sending || queue.isEmpty()) {
                return;
            }
            next = queue.poll();
            queuedBytes -= next.bytes().length;
            sending = true;
        }
        if (next.init()) {
            outlet.text("{\"type\":\"init\",\"codec\":\"" + next.codec() + "\"}");
        } else if (timing) {
            outlet.text("{\"type\":\"arrived\",\"micros\":" + next.arrivedMicros() + "}");
        }
        outlet.binary(ByteBuffer.wrap(next.bytes()), () -> {
            synchronized (this) {
                sending = false;
            }
            sendNext();
        });
    }
}
