package nl.uitkijk.core.internal.media;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicReference;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub.Delivery;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.MediaSource;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.core.internal.camera.CameraSessions;
import nl.uitkijk.core.internal.media.FfmpegPacketReader.StreamException;
import nl.uitkijk.core.internal.media.rtsp.MediaReactor;
import nl.uitkijk.core.internal.media.rtsp.RtspException;
import nl.uitkijk.core.internal.media.rtsp.RtspPacketReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to a camera stream, shared by all its subscribers. Its own thread connects (an in-process
 * source of the driver; an RTSP camera through {@link RtspPacketReader}, whose packets a shared {@link MediaReactor}
 * reads; anything else through FFmpeg), and reconnects with a growing pause when the stream breaks — the first
 * retry within a second. Each packet goes to every subscriber's queue.
 */
final class StreamIngest {

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    /** Short on purpose: a camera that is back must be recorded again within seconds (a refused connect is cheap). */
    static final Duration MAX_RETRY = Duration.ofSeconds(4);
    /** A connection that delivered for this long resets the pause to the first one. */
    static final Duration STABLE = Duration.ofSeconds(10);
    static final int TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(StreamIngest.class);

    private final boolean rtspBasicAllowed;
    private final String cameraId;
    private final String profile;
    private final CameraSessions sessions;
    private final Executor dispatch;
    private final MediaReactor reactor;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final PacketRate rate = new PacketRate(TimeUnit.SECONDS.toNanos(5));
    private final AtomicReference<CountDownLatch> sourceEnded = new AtomicReference<>();
    private volatile MediaFormat format;
    private volatile boolean connected;
    private volatile Instant lastPacket;
    private volatile String lastError = "";
    private volatile boolean running;
    private volatile boolean dropRequested;
    /** The open RTSP connection, closed by {@link #stop()} to end a read that waits for the camera. */
    private volatile Closeable activeConnection;
    /** Set once the camera turned out to send what only FFmpeg reads; cleared by nothing (a new ingest retries). */
    private volatile boolean ffmpegOnly;
    private Thread thread;

    StreamIngest(String cameraId, String profile, CameraSessions sessions, Executor dispatch, MediaReactor reactor) {
        this(cameraId, profile, sessions, dispatch, reactor, false);
    }

    /** @param rtspBasicAllowed whether an administrator allowed this camera RTSP Basic authentication */
    StreamIngest(String cameraId, String profile, CameraSessions sessions, Executor dispatch, MediaReactor reactor,
            boolean rtspBasicAllowed) {
        this.rtspBasicAllowed = rtspBasicAllowed;
        this.cameraId = cameraId;
        this.reactor = reactor;
        this.profile = profile;
        this.sessions = sessions;
        this.dispatch = dispatch;
    }

    String cameraId() {
        return cameraId;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "uitkijk-ingest-" + cameraId + "-" + profile);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading and ends every subscriber. */
    void stop() {
        running = false;
        Thread reading;
        synchronized (this) {
            reading = thread;
        }
        endCurrentConnection();
        if (reading != null) {
            reading.interrupt();
            try {
                reading.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS + 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.forEach(subscriber -> subscriber.end("stream closed"));
        subscribers.clear();
    }

    /**
     * Drops the current connection because the camera's session stopped (removed, driver gone, not permitted): no
     * packet of a stopped camera may reach a recorder or viewer. The ingest keeps trying and reconnects once a
     * session runs again; subscribers stay.
     */
    void disconnect() {
        dropRequested = true;
        endCurrentConnection();
    }

    /** Closes the RTSP connection or releases the wait on a driver's own source, whichever is in use. */
    private void endCurrentConnection() {
        Closeable connection = activeConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("Closing the connection of camera '{}' failed", cameraId, e);
            }
        }
        CountDownLatch latch = sourceEnded.get();
        if (latch != null) {
            latch.countDown();
        }
    }

    Subscriber add(MediaSink sink, Delivery delivery) {
        Subscriber subscriber = new Subscriber(sink, delivery, dispatch, drops);
        MediaFormat current = format;
        if (current != null) {
            subscriber.format(current);
        }
        subscribers.add(subscriber);
        return subscriber;
    }

    /** @return whether no subscriber is left */
    boolean remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
        subscriber.end("unsubscribed");
        return subscribers.isEmpty();
    }

    /** Hands on packets that waited too long for their batch (the stream has paused). */
    void flushStale() {
        subscribers.forEach(subscriber -> subscriber.flush(true));
    }

    StreamStats stats() {
        long now = System.nanoTime();
        return new StreamStats(cameraId, profile, connected, rate.kilobitsPerSecond(now), rate.packetsPerSecond(now),
                lastPacket, packets.get(), bytes.get(), reconnects.get(), drops.get(), subscribers.size(), lastError);
    }

    private void run() {
        Duration pause = FIRST_RETRY;
        while (running) {
            long started = System.nanoTime();
            try {
                connectOnce();
            } catch (StreamException e) {
                if (running && !e.getMessage().equals(lastError)) {
                    LOG.info("Stream {} of camera '{}': {}", profile, cameraId, e.getMessage());
                }
                lastError = e.getMessage();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Stream {} of camera '{}' failed", profile, cameraId, e);
                lastError = "internal error: " + e;
            }
            connected = false;
            subscribers.forEach(subscriber -> subscriber.flush(false)); // what came before the break is complete
            if (!running) {
                break;
            }
            if (System.nanoTime() - started > STABLE.toNanos()) {
                pause = FIRST_RETRY;
            }
            reconnects.incrementAndGet();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                break;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
        }
    }

    private void connectOnce() throws StreamException {
        dropRequested = false;
        BooleanSupplier reading = () -> running && !dropRequested;
        CameraSession session = sessions.session(cameraId).orElseThrow(() -> new StreamException(
                "the camera has no running driver session (" + sessions.camera(cameraId)
                        .map(c -> c.status().status() + " " + c.status().detail()).orElse("removed") + ")"));
        Optional<MediaSource> source = session.mediaSource(profile);
        if (source.isPresent()) {
            readSource(source.get());
            return;
        }
        URI uri = session.mediaUri(profile).or(this::reportedUri).orElseThrow(() -> new StreamException(
                "the camera reports no URI for stream '" + profile + "' yet"));
        if ("rtsp".equalsIgnoreCase(uri.getScheme()) && !ffmpegOnly) {
            try {
                if (rtspBasicAllowed) {
                    LOG.warn("Camera '{}' may use RTSP Basic authentication: its password crosses the camera network "
                            + "in clear text (etc/nl.uitkijk.media.cfg, rtspBasicCameras)", cameraId);
                }
                RtspPacketReader.read(uri, TIMEOUT_SECONDS, reading, fanOut, () -> connected = true,
                        connection -> activeConnection = connection, reactor, rtspBasicAllowed);
                return;
            } catch (RtspException e) {
                if (!e.unsupported()) {
                    throw new StreamException(e.getMessage());
                }
                LOG.info("Stream {} of camera '{}' uses {}: read through FFmpeg", profile, cameraId, e.getMessage());
                ffmpegOnly = true;
            } finally {
                activeConnection = null;
            }
        }
        FfmpegPacketReader.read(uri, TIMEOUT_SECONDS, reading, fanOut, () -> connected = true);
    }

    private Optional<URI> reportedUri() {
        return sessions.camera(cameraId).map(Camera::streams).orElse(List.of()).stream()
                .filter(stream -> stream.name().equals(profile) && stream.uri() != null)
                .map(StreamProfile::uri).findFirst();
    }

    private void readSource(MediaSource source) throws StreamException {
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> reason = new AtomicReference<>("the stream ended");
        sourceEnded.set(ended);
        AutoCloseable subscription = source.subscribe(new MediaSink() {
            @Override
            public void format(MediaFormat newFormat) {
                fanOut.format(newFormat);
            }

            @Override
            public void packet(MediaPacket packet) {
                connected = true;
                fanOut.packet(packet);
            }

            @Override
            public void ended(String why) {
                reason.set(why);
                ended.countDown();
            }
        });
        try {
            if (!dropRequested) {
                ended.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sourceEnded.set(null);
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the source of camera '{}' failed", cameraId, e);
            }
        }
        throw new StreamException(reason.get());
    }

    /** Hands everything on to the subscribers' queues; never blocks on a subscriber. */
    private final MediaSink fanOut = new MediaSink() {
        @Override
        public void format(MediaFormat newFormat) {
            format = newFormat;
            subscribers.forEach(subscriber -> subscriber.format(newFormat));
        }

        @Override
        public void packet(MediaPacket packet) {
            packets.incrementAndGet();
            bytes.addAndGet(packet.data().length);
            rate.add(System.nanoTime(), packet.data().length);
            lastPacket = Instant.now();
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.packet(packet)) {
                    subscribers.remove(subscriber);
                }
            }
        }

        @Override
        public void ended(String reason) {
            // Reading ends by exception; the connection loop decides what comes next.
        }
    };
}
