package nl.uitkijk.core.internal.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.StillSink;
import nl.uitkijk.api.media.Stills;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Stills of live pictures: one {@link SharedStills} per camera stream and width while anyone watches, decoding on
 * a small pool of its own so the hub's delivery threads never wait for a decoder.
 */
@Component(service = Stills.class)
public class StillsImpl implements Stills {

    static final int MIN_WIDTH = 160;

    private final MediaHub hub;
    private final ExecutorService decoding;
    private final Map<String, SharedStills> streams = new ConcurrentHashMap<>();

    @Activate
    public StillsImpl(@Reference MediaHub hub) {
        this.hub = hub;
        this.decoding = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                task -> {
                    Thread thread = new Thread(task, "uitkijk-stills");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Deactivate
    void stop() {
        synchronized (streams) {
            streams.values().forEach(SharedStills::stop);
            streams.clear();
        }
        decoding.shutdown();
    }

    @Override
    public AutoCloseable subscribe(String cameraId, String profile, int maxWidth, StillSink sink)
            throws UnknownCameraException {
        if (maxWidth < MIN_WIDTH || maxWidth > MAX_WIDTH) {
            throw new IllegalArgumentException("maxWidth must be " + MIN_WIDTH + " to " + MAX_WIDTH);
        }
        String key = cameraId + '\n' + profile + '\n' + maxWidth;
        SharedStills shared;
        synchronized (streams) {
            shared = streams.get(key);
            if (shared == null) {
                SharedStills created = new SharedStills(cameraId, maxWidth, decoding, () -> forget(key));
                created.start(hub, profile); // throws for an unknown camera: nothing kept
                streams.put(key, created);
                shared = created;
            }
            shared.add(sink);
        }
        SharedStills subscribed = shared;
        return () -> {
            synchronized (streams) {
                if (subscribed.remove(sink) && streams.get(key) == subscribed) {
                    streams.remove(key);
                    subscribed.stop();
                }
            }
        };
    }

    /** A stream that ended by itself (the camera was removed). */
    private void forget(String key) {
        synchronized (streams) {
            SharedStills ended = streams.remove(key);
            if (ended != null) {
                ended.stop();
            }
        }
    }

    /** Streams being decoded now (for tests and diagnostics). */
    int activeStreams() {
        return streams.size();
    }
}
