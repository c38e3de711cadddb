package nl.uitkijk.core.internal.analytics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.uitkijk.api.analytics.AnalyticsPolicies.State;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.VideoFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics of one camera: a media hub subscriber whose packets wait in a bounded queue, decoded once on a
 * worker of the shared pool for all the camera's modules, each given pictures at its own rate and size. The hub's
 * thread only queues; when the queue is full, older picture groups are dropped (counted) where a newer one waits,
 * else the newest packets up to the next keyframe, so a slow module or a busy machine costs analysis frames — never
 * recording, live view or another camera — and what is analysed stays near the present. Everything but the queue
 * and the counters is touched by one worker at a time (the drain is scheduled once).
 */
final class CameraAnalytics implements MediaSink {

    /** What the camera's modules produce, handed to the runtime (which stores and tells). */
    interface Results {
        void samples(String cameraId, ModuleRun run, List<DetectionSampler.Sample> samples);

        UUID opened(String cameraId, ModuleRun run, String type, long atMicros);

        void snapshot(UUID episode, byte[] jpeg);

        void closed(UUID episode, long atMicros);

        /** An episode is still open: footage is wanted (event recording). */
        void ongoing(String cameraId, String type);

        /** The picture as a module may see it: the camera's privacy masks filled. Default: as it is. */
        default VideoFrame masked(String cameraId, VideoFrame frame) {
            return frame;
        }

        /** A licence-plate passage, with the JPEG of the moment after it. */
        void plate(String cameraId, ModuleRun run, Detection passage, long atMicros, byte[] jpeg);

        void failed(String cameraId, ModuleRun run, String reason);

        /** A picture's analysis ended this long after the picture arrived at the platform. */
        default void analysed(long latencyMicros) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CameraAnalytics.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Items a drain handles before it lets other cameras have the worker. */
    private static final int BATCH = 32;
    private static final long ONGOING_EVERY_MICROS = 5_000_000;

    final String cameraId;
    final String profile;
    private final Executor workers;
    private final Results results;
    private final BlockingQueue<Object> queue;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<ModuleRun> runs = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private volatile boolean waitingForKeyframe;
    private volatile boolean closed;
    /** When the worker began the current module call (nanoTime), 0 when not in one; the watchdog reads it. */
    volatile long busySince;
    volatile ModuleRun busyWith;
    private FrameDecoder decoder;
    private long lastOngoing;
    private AutoCloseable subscription;

    CameraAnalytics(String cameraId, String profile, Executor workers, int queuePackets, Results results) {
        this.cameraId = cameraId;
        this.profile = profile;
        this.workers = workers;
        this.results = results;
        this.queue = new ArrayBlockingQueue<>(queuePackets);
    }

    void subscription(AutoCloseable subscription) {
        this.subscription = subscription;
    }

    List<ModuleRun> runs() {
        return List.copyOf(runs);
    }

    long dropped() {
        return dropped.get();
    }

    long decoded() {
        return decoded.get();
    }

    /** CPU time spent decoding and analysing for this camera. */
    long cpuNanos() {
        return cpuNanos.get();
    }

    /** Starts a module here (on the worker, with the next packet). */
    void add(ModuleRun run) {
        runs.add(run);
        command(() -> attach(run));
    }

    /** Stops a module here: its open episodes end, its last samples are stored, its analyzer closed. */
    void remove(ModuleRun run) {
        if (runs.remove(run)) {
            command(() -> detach(run));
        }
    }

    /** Ends it all: the subscription, then (on the worker) every module and the decoder. */
    void close() {
        closed = true;
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            LOG.debug("Closing the analytics subscription of {}: {}", cameraId, e.getMessage());
        }
        List<ModuleRun> all = List.copyOf(runs);
        runs.clear();
        command(() -> {
            all.forEach(this::detach);
            if (decoder != null) {
                decoder.close();
                decoder = null;
            }
            queue.clear();
        });
    }

    @Override
    public void format(MediaFormat format) {
        offer(format);
    }

    @Override
    public void packet(MediaPacket packet) {
        if (closed) {
            return;
        }
        if (waitingForKeyframe) {
            if (!packet.keyframe()) {
                dropped.incrementAndGet();
                return;
            }
            waitingForKeyframe = false;
        }
        if (!queue.offer(packet)) {
            behind(packet);
        }
        schedule();
    }

    /**
     * The queue is full. Where it holds a newer keyframe than its head, the older pictures before it go (what is
     * analysed stays near the present); otherwise the queue is one picture group being decoded, and the newest
     * packets go up to the next keyframe (a P-frame without its predecessor decodes to garbage). Counted either way.
     */
    private synchronized void behind(MediaPacket packet) {
        List<Object> backlog = new ArrayList<>();
        queue.drainTo(backlog);
        int newestKey = -1;
        for (int i = backlog.size() - 1; i > 0 && newestKey < 0; i--) {
            if (backlog.get(i) instanceof MediaPacket waiting && waiting.keyframe()) {
                newestKey = i;
            }
        }
        if (newestKey > 0) {
            List<Object> older = backlog.subList(0, newestKey);
            Object format = older.stream().filter(MediaFormat.class::isInstance).reduce((a, b) -> b).orElse(null);
            dropped.addAndGet(older.stream().filter(MediaPacket.class::isInstance).count());
            if (format != null) {
                queue.offer(format);
            }
            backlog.subList(newestKey, backlog.size()).forEach(queue::offer);
            if (queue.offer(packet)) {
                return;
            }
        } else {
            backlog.forEach(queue::offer);
        }
        dropped.incrementAndGet();
        waitingForKeyframe = true;
    }

    @Override
    public void ended(String reason) {
        if (!closed) {
            runs.forEach(run -> run.state(State.STARTING, "stream ended: " + reason));
        }
    }

    private void offer(Object item) {
        if (closed) {
            return;
        }
        if (!queue.offer(item)) {
            queue.clear(); // a new format makes what waits useless anyway
            queue.offer(item);
        }
        schedule();
    }

    private void command(Runnable command) {
        commands.add(command);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                workers.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the runtime is stopping
            }
        }
    }

    private void drain() {
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            for (Runnable command; (command = commands.poll()) != null;) {
                command.run();
            }
            for (int i = 0; i < BATCH; i++) {
                Object item = queue.poll();
                if (item == null) {
                    break;
                }
                if (item instanceof MediaFormat format) {
                    newDecoder(format);
                } else if (decoder != null && !closed) {
                    decode((MediaPacket) item);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Analytics of camera {} failed: {}", cameraId, e.toString(), e);
        } finally {
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            scheduled.set(false);
        }
        if (!commands.isEmpty() || !queue.isEmpty()) {
            schedule();
        }
    }

    private void newDecoder(MediaFormat format) {
        if (decoder != null) {
            runs.forEach(run -> run.output = null);
            decoder.close();
            decoder = null;
        }
        try {
            decoder = new FrameDecoder(format);
        } catch (IllegalArgumentException e) {
            runs.forEach(run -> run.state(State.STARTING, "cannot decode the stream: " + e.getMessage()));
            return;
        }
        runs.forEach(this::attach);
    }

    private void attach(ModuleRun run) {
        if (!runs.contains(run)) {
            return;
        }
        try {
            if (run.analyzer == null) {
                run.analyzer = run.module.create(cameraId, run.policy.config());
            }
            if (decoder != null && run.output == null) {
                var wanted = run.module.requirements();
                run.output = decoder.output(wanted.maxFps(), wanted.maxWidth(), wanted.pixelFormat());
                run.state(State.RUNNING, "");
            }
        } catch (RuntimeException | LinkageError e) {
            fail(run, "could not start: " + e.getMessage());
        }
    }

    private void detach(ModuleRun run) {
        endEpisodes(run, run.episodes.closeAll());
        results.samples(cameraId, run, run.sampler.flush());
        if (decoder != null && run.output != null) {
            decoder.remove(run.output);
        }
        run.output = null;
        if (run.analyzer != null) {
            try {
                run.analyzer.close();
            } catch (RuntimeException e) {
                LOG.warn("Module {} did not close cleanly on {}: {}", run.moduleId(), cameraId, e.toString());
            }
            run.analyzer = null;
        }
    }

    private void decode(MediaPacket packet) {
        long before = decoder.decoded();
        decoder.decode(packet, (output, frame) -> {
            for (ModuleRun run : runs) {
                if (run.output == output && run.analyzer != null) {
                    analyse(run, frame);
                }
            }
        });
        decoded.addAndGet(decoder.decoded() - before);
    }

    private void analyse(ModuleRun run, VideoFrame frame) {
        List<Detection> found;
        long cpu = THREADS.getCurrentThreadCpuTime();
        busyWith = run;
        busySince = System.nanoTime();
        try {
            found = run.analyzer.analyze(results.masked(cameraId, frame));
        } catch (RuntimeException | LinkageError e) {
            busySince = 0;
            fail(run, "failed on a frame: " + e);
            return;
        } finally {
            busySince = 0;
            busyWith = null;
        }
        run.cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        run.frames.incrementAndGet();
        results.analysed(System.currentTimeMillis() * 1000 - frame.timestampMicros());
        if (run.state != State.RUNNING) {
            run.state(State.RUNNING, "");
        }
        List<Detection> sane = found == null ? List.of() : found.stream().filter(CameraAnalytics::sane).toList();
        long at = frame.timestampMicros();
        // plate passages are personal data: not sampled into the detections, checked against the hotlist instead
        List<Detection> valid = new ArrayList<>(sane.size());
        for (Detection detection : sane) {
            if (PlateRead.DETECTION_TYPE.equals(detection.type())) {
                decoder.snapshot(jpeg -> results.plate(cameraId, run, detection, at, jpeg));
            } else {
                valid.add(detection);
            }
        }
        List<DetectionSampler.Sample> done = run.sampler.frame(valid, at);
        if (!done.isEmpty()) {
            results.samples(cameraId, run, done);
        }
        Set<String> types = new HashSet<>();
        valid.forEach(detection -> types.add(detection.type()));
        List<Episodes.Change> changes = run.episodes.frame(types, at);
        for (Episodes.Change change : changes) {
            if (change.opened()) {
                UUID episode = results.opened(cameraId, run, change.type(), change.atMicros());
                run.open.put(change.type(), episode);
                decoder.snapshot(jpeg -> results.snapshot(episode, jpeg));
                results.ongoing(cameraId, change.type());
                lastOngoing = at;
            }
        }
        endEpisodes(run, changes.stream().filter(change -> !change.opened()).toList());
        if (!run.open.isEmpty() && at - lastOngoing >= ONGOING_EVERY_MICROS) {
            lastOngoing = at;
            run.open.keySet().forEach(type -> results.ongoing(cameraId, type));
        }
    }

    private void endEpisodes(ModuleRun run, List<Episodes.Change> ended) {
        for (Episodes.Change change : ended) {
            UUID episode = run.open.remove(change.type());
            if (episode != null) {
                results.closed(episode, change.atMicros());
            }
        }
    }

    /** A module's detection with a type and a box inside the picture; anything else is dropped, not stored. */
    private static boolean sane(Detection detection) {
        return detection != null && detection.type() != null && !detection.type().isBlank()
                && detection.type().length() <= 32 && Double.isFinite(detection.x()) && Double.isFinite(detection.y())
                && Double.isFinite(detection.width()) && Double.isFinite(detection.height());
    }

    /** Stops a module on this camera after it threw: the others go on. */
    private void fail(ModuleRun run, String reason) {
        runs.remove(run);
        detachQuietly(run);
        run.state(State.FAILED, reason);
        results.failed(cameraId, run, reason);
    }

    private void detachQuietly(ModuleRun run) {
        try {
            detach(run);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cleaning up module {} on {}: {}", run.moduleId(), cameraId, e.toString());
        }
    }

    /** The watchdog found a module hanging: it is given up here (its thread may never return). */
    void abandon(ModuleRun run, String reason) {
        runs.remove(run);
        run.state(State.FAILED, reason);
        results.failed(cameraId, run, reason);
        long now = System.currentTimeMillis() * 1000;
        endEpisodes(run, run.open.keySet().stream().map(type -> new Episodes.Change(type, false, now)).toList());
    }
}
