package nl.uitkijk.core.internal.media;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.core.internal.camera.CameraSessions;
import nl.uitkijk.core.internal.media.rtsp.MediaReactor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The media hub: one {@link StreamIngest} per camera stream while it has subscribers. */
@Component(service = MediaHub.class, configurationPid = "nl.uitkijk.media")
@Designate(ocd = MediaHubImpl.Configuration.class)
public class MediaHubImpl implements MediaHub {

    @ObjectClassDefinition(name = "Uitkijk media hub", description = "Distribution of camera streams to consumers.")
    public @interface Configuration {
        @AttributeDefinition(name = "Dispatch threads", description = "Threads that hand packets to consumers.")
        int dispatchThreads() default 2;

        @AttributeDefinition(name = "Reader threads", description = "Threads that read the RTSP cameras' packets.")
        int readerThreads() default 1;

        @AttributeDefinition(name = "Read pause (ms)", description = "Pause after each pass over the cameras, so "
                + "that one pass reads many pictures: less CPU, at most this much more live latency.")
        int readPauseMillis() default 20;

        @AttributeDefinition(name = "Cameras allowed RTSP Basic authentication", description = "Ids of cameras "
                + "that may be answered with RTSP Basic authentication, which sends the password in clear text over "
                + "plain TCP; refused for every other camera (prefer Digest).", required = false)
        String[] rtspBasicCameras() default {};
    }

    private static final Logger LOG = LoggerFactory.getLogger(MediaHubImpl.class);

    private final CameraSessions sessions;
    private final ExecutorService dispatch;
    private final ScheduledExecutorService flusher;
    private final MediaReactor[] reactors;
    private final AtomicInteger nextReactor = new AtomicInteger();
    private final Map<String, StreamIngest> ingests = new ConcurrentHashMap<>();
    private final java.util.Set<String> rtspBasicCameras;

    @Activate
    public MediaHubImpl(@Reference CameraSessions sessions, Configuration configuration) throws IOException {
        this.sessions = sessions;
        this.rtspBasicCameras = java.util.Set.of(configuration.rtspBasicCameras() == null ? new String[0]
                : java.util.Arrays.stream(configuration.rtspBasicCameras()).map(String::strip)
                        .filter(id -> !id.isEmpty()).distinct().toArray(String[]::new));
        this.reactors = new MediaReactor[Math.max(1, configuration.readerThreads())];
        for (int i = 0; i < reactors.length; i++) {
            reactors[i] = new MediaReactor("uitkijk-media-reader-" + (i + 1),
                    TimeUnit.MILLISECONDS.toNanos(Math.max(0, configuration.readPauseMillis())));
        }
        AtomicInteger count = new AtomicInteger();
        this.dispatch = Executors.newFixedThreadPool(Math.max(1, configuration.dispatchThreads()), task -> {
            Thread thread = new Thread(task, "uitkijk-media-dispatch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "uitkijk-media-flush");
            thread.setDaemon(true);
            return thread;
        });
        long period = Subscriber.LOSSLESS_DELAY_NANOS / 2;
        flusher.scheduleWithFixedDelay(() -> ingests.values().forEach(StreamIngest::flushStale), period, period,
                TimeUnit.NANOSECONDS);
        sessions.streamActivity(this::lastPacket);
        sessions.sessionChanges(this::sessionChanged);
    }

    /** A camera whose session stopped must not go on streaming through a connection opened before. */
    private void sessionChanged(String cameraId) {
        if (sessions.session(cameraId).isEmpty()) {
            ingests.values().stream().filter(ingest -> ingest.cameraId().equals(cameraId))
                    .forEach(StreamIngest::disconnect);
        }
    }

    private Optional<Instant> lastPacket(String cameraId, String profile) {
        return stats(cameraId, profile).filter(StreamStats::connected).map(StreamStats::lastPacket);
    }

    @Deactivate
    public void deactivate() {
        sessions.streamActivity(null);
        sessions.sessionChanges(null);
        flusher.shutdownNow();
        ingests.values().forEach(StreamIngest::stop);
        ingests.clear();
        for (MediaReactor reactor : reactors) {
            reactor.close();
        }
        dispatch.shutdownNow();
    }

    @Override
    public AutoCloseable subscribe(String cameraId, String profile, Delivery delivery, MediaSink sink)
            throws UnknownCameraException {
        if (sessions.camera(cameraId).isEmpty()) {
            throw new UnknownCameraException(cameraId);
        }
        String key = key(cameraId, profile);
        Subscriber subscriber;
        StreamIngest ingest;
        synchronized (ingests) {
            ingest = ingests.computeIfAbsent(key, k -> {
                StreamIngest created = new StreamIngest(cameraId, profile, sessions, dispatch,
                        reactors[Math.floorMod(nextReactor.getAndIncrement(), reactors.length)],
                        rtspBasicCameras.contains(cameraId));
                created.start();
                LOG.debug("Opened stream {} of camera '{}'", profile, cameraId);
                return created;
            });
            subscriber = ingest.add(sink, delivery);
        }
        return () -> unsubscribe(key, ingest, subscriber);
    }

    private void unsubscribe(String key, StreamIngest ingest, Subscriber subscriber) {
        boolean last;
        synchronized (ingests) {
            last = ingest.remove(subscriber);
            if (last) {
                ingests.remove(key, ingest);
            }
        }
        if (last) {
            ingest.stop(); // outside the lock: stopping waits for the reading thread
        }
    }

    @Override
    public Optional<StreamStats> stats(String cameraId, String profile) {
        return Optional.ofNullable(ingests.get(key(cameraId, profile))).map(StreamIngest::stats);
    }

    private static String key(String cameraId, String profile) {
        return cameraId + "/" + profile;
    }
}
