package nl.uitkijk.core.internal.media;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.core.internal.camera.CameraSessions;
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
    }

    private static final Logger LOG = LoggerFactory.getLogger(MediaHubImpl.class);

    private final CameraSessions sessions;
    private final ExecutorService dispatch;
    private final Map<String, StreamIngest> ingests = new ConcurrentHashMap<>();

    @Activate
    public MediaHubImpl(@Reference CameraSessions sessions, Configuration configuration) {
        this.sessions = sessions;
        AtomicInteger count = new AtomicInteger();
        this.dispatch = Executors.newFixedThreadPool(Math.max(1, configuration.dispatchThreads()), task -> {
            Thread thread = new Thread(task, "uitkijk-media-dispatch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    public void deactivate() {
        ingests.values().forEach(StreamIngest::stop);
        ingests.clear();
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
                StreamIngest created = new StreamIngest(cameraId, profile, sessions, dispatch);
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
