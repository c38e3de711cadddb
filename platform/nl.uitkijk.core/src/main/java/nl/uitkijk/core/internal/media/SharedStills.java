package nl.uitkijk.core.internal.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.Still;
import nl.uitkijk.api.media.StillSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stills of one camera stream at one width, shared by everyone watching them: one live hub subscription, and
 * each keyframe decoded once for all. Only the newest keyframe waits for the decoder: when decoding falls behind,
 * older ones are skipped (a still is about now). A keyframe that does not decode costs that still only.
 */
final class SharedStills implements MediaSink {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStills.class);

    private final String cameraId;
    private final int maxWidth;
    private final Executor decoding;
    private final Runnable onEnded;
    private final List<StillSink> sinks = new CopyOnWriteArrayList<>();
    private final AtomicReference<MediaPacket> pending = new AtomicReference<>();
    private final AtomicBoolean decodeScheduled = new AtomicBoolean();
    private final Object decoderLock = new Object();
    private volatile MediaFormat format;
    private volatile Still latest;
    private volatile boolean stopped;
    private AutoCloseable subscription;
    private KeyframeDecoder decoder;

    SharedStills(String cameraId, int maxWidth, Executor decoding, Runnable onEnded) {
        this.cameraId = cameraId;
        this.maxWidth = maxWidth;
        this.decoding = decoding;
        this.onEnded = onEnded;
    }

    void start(MediaHub hub, String profile) throws UnknownCameraException {
        subscription = hub.subscribe(cameraId, profile, MediaHub.Delivery.LIVE, this);
    }

    /** A new watcher sees the newest still at once rather than waiting for the next keyframe. */
    void add(StillSink sink) {
        sinks.add(sink);
        Still now = latest;
        if (now != null) {
            sink.still(now);
        }
    }

    /** @return whether no one watches any more */
    boolean remove(StillSink sink) {
        sinks.remove(sink);
        return sinks.isEmpty();
    }

    void stop() {
        stopped = true;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Closing the stills subscription of '{}' failed", cameraId, e);
        }
        try {
            decoding.execute(this::closeDecoder); // after a decode that may be running
        } catch (RejectedExecutionException e) {
            closeDecoder(); // the platform is stopping: no decode runs any more
        }
    }

    @Override
    public void format(MediaFormat format) {
        this.format = format;
    }

    @Override
    public void packet(MediaPacket packet) {
        if (!packet.keyframe() || stopped) {
            return;
        }
        pending.set(packet);
        if (decodeScheduled.compareAndSet(false, true)) {
            decoding.execute(this::decodePending);
        }
    }

    @Override
    public void ended(String reason) {
        stopped = true;
        sinks.forEach(sink -> sink.ended(reason));
        onEnded.run();
    }

    private void decodePending() {
        while (true) {
            MediaPacket next = pending.getAndSet(null);
            if (next == null) {
                decodeScheduled.set(false);
                // a keyframe that came after the check and found decoding still scheduled: take it now
                if (pending.get() == null || !decodeScheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            Still still = decode(next);
            if (still != null) {
                latest = still;
                for (StillSink sink : sinks) {
                    try {
                        sink.still(still);
                    } catch (RuntimeException e) {
                        LOG.warn("A stills subscriber of '{}' failed: {}", cameraId, e.toString());
                    }
                }
            }
        }
    }

    private Still decode(MediaPacket keyframe) {
        synchronized (decoderLock) {
            MediaFormat current = format;
            if (stopped || current == null) {
                return null;
            }
            try {
                if (decoder == null || decoder.format() != current) {
                    closeDecoder();
                    decoder = new KeyframeDecoder(current, maxWidth);
                }
                return decoder.decode(keyframe);
            } catch (IllegalArgumentException e) {
                LOG.debug("No still from a keyframe of '{}': {}", cameraId, e.getMessage());
                return null;
            }
        }
    }

    private void closeDecoder() {
        synchronized (decoderLock) {
            if (decoder != null) {
                decoder.close();
                decoder = null;
            }
        }
    }
}
