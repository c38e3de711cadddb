package nl.uitkijk.core.internal.media.rtsp;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads many camera streams on one thread. Each pass over the ready connections is followed by a short pause
 * ({@code pace}), so that a pass finds several pictures of many cameras waiting: on a server the cost of recording
 * is dominated by thread wake-ups, not by copying bytes, and a thread per camera woken for every picture (as FFmpeg
 * does, three times per RTP packet) is what made recording cost more CPU than it should. The pause bounds the added
 * latency of live video (20 ms by default).
 */
public final class MediaReactor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReactor.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A streaming connection served by the reactor; every method runs on the reactor thread. */
    interface Stream {
        /** Data has arrived. @return {@code false} when the camera closed the connection */
        boolean readable() throws RtspException;

        /** Regular check for time-outs and keep-alives. */
        void tick(long nowNanos) throws RtspException;

        /** The stream is over (failure, end, or the channel was closed by its owner). */
        void ended(String reason);
    }

    private record Registration(SocketChannel channel, Stream stream) {
    }

    private final Selector selector;
    private final long paceNanos;
    private final Queue<Registration> pending = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public MediaReactor(String name, long paceNanos) throws IOException {
        this.selector = Selector.open();
        this.paceNanos = paceNanos;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Serves {@code stream} from now on; the channel must be non-blocking. */
    void register(SocketChannel channel, Stream stream) {
        pending.add(new Registration(channel, stream));
        selector.wakeup();
    }

    private void run() {
        long nextTick = System.nanoTime();
        while (running) {
            long passStart = System.nanoTime();
            try {
                registerPending();
                selector.select(TimeUnit.NANOSECONDS.toMillis(TICK_NANOS));
                for (SelectionKey key : selector.selectedKeys()) {
                    Stream stream = (Stream) key.attachment();
                    try {
                        if (key.isValid() && key.isReadable() && !stream.readable()) {
                            end(key, "the camera closed the connection");
                        }
                    } catch (RtspException e) {
                        end(key, e.getMessage());
                    } catch (RuntimeException e) {
                        LOG.warn("Reading a stream failed", e);
                        end(key, "internal error: " + e);
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + TICK_NANOS;
                    tickAll(now);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("The media reactor failed; its streams reconnect", e);
                selector.keys().forEach(key -> end(key, "internal error: " + e));
            }
            long pause = paceNanos - (System.nanoTime() - passStart);
            if (pause > 0 && running) {
                LockSupport.parkNanos(pause);
            }
        }
        selector.keys().forEach(key -> end(key, "stream closed"));
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing the selector failed", e);
        }
    }

    private void registerPending() {
        Registration registration;
        while ((registration = pending.poll()) != null) {
            try {
                registration.channel().register(selector, SelectionKey.OP_READ, registration.stream());
            } catch (ClosedChannelException e) {
                registration.stream().ended("stream closed");
            }
        }
    }

    private void tickAll(long now) {
        for (SelectionKey key : selector.keys()) {
            Stream stream = (Stream) key.attachment();
            if (!key.channel().isOpen()) {
                end(key, "stream closed");
                continue;
            }
            try {
                stream.tick(now);
            } catch (RtspException e) {
                end(key, e.getMessage());
            }
        }
    }

    private static void end(SelectionKey key, String reason) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closed as far as the operating system lets us
        }
        ((Stream) key.attachment()).ended(reason);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Registration registration;
        while ((registration = pending.poll()) != null) {
            registration.stream().ended("stream closed");
        }
    }
}
