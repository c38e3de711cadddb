package nl.uitkijk.recorder.segment.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.recording.RecordingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the media hub and a camera's recorder: the hub's dispatch threads, which every live viewer of every camera
 * shares, only enqueue here; writing, hashing and indexing run on the recorder's own writer threads, one camera at a
 * time per thread. A stalled or slow disk therefore stalls this camera's recording and nothing else. The queue is
 * bounded ({@value #MAX_BYTES} bytes): when writing falls that far behind, packets are dropped until the queue has
 * half emptied and a keyframe comes, the open segment is closed, and the gap is written down with its reason and
 * reported (an alarm) — never silently.
 */
final class WriteQueue implements RecordingSink {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_ITEMS = 20_000;
    private static final int BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(WriteQueue.class);

    private final String cameraId;
    private final CameraRecorder recorder;
    private final Executor writers;
    private final Consumer<String> trouble;
    private final long maxBytes;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean scheduled;
    private boolean dropping;
    private long dropped;
    private volatile String endedBecause;

    /**
     * @param trouble told when packets had to be dropped (becomes an alarm)
     */
    WriteQueue(String cameraId, CameraRecorder recorder, Executor writers, Consumer<String> trouble) {
        this(cameraId, recorder, writers, trouble, MAX_BYTES);
    }

    WriteQueue(String cameraId, CameraRecorder recorder, Executor writers, Consumer<String> trouble, long maxBytes) {
        this.maxBytes = maxBytes;
        this.cameraId = cameraId;
        this.recorder = recorder;
        this.writers = writers;
        this.trouble = trouble;
    }

    CameraRecorder recorder() {
        return recorder;
    }

    /** Why the hub ended the subscription, or null while it runs. */
    String endedBecause() {
        return endedBecause;
    }

    /** Packets dropped because writing fell behind, since the start. */
    synchronized long dropped() {
        return dropped;
    }

    @Override
    public void format(MediaFormat format) {
        enqueue(() -> recorder.format(format), 0);
    }

    @Override
    public void packet(MediaPacket packet) {
        String lost = null;
        synchronized (this) {
            if (dropping) {
                if (!packet.keyframe() || queuedBytes > maxBytes / 2) {
                    dropped++;
                    return;
                }
                dropping = false;
                LOG.warn("Recording of camera '{}' resumes after dropping packets", cameraId);
            } else if (queuedBytes + packet.data().length > maxBytes || queue.size() >= MAX_ITEMS) {
                dropping = true;
                dropped++;
                lost = "writing fell behind (storage too slow or stalled): packets dropped until it catches up";
                // the writer closes the open segment when it gets here; the gap to the next one carries the reason
                String reason = lost;
                queue.addLast(() -> recorder.interrupted(reason));
                scheduleLocked();
            }
            if (lost == null) {
                queue.addLast(new Write(packet));
                queuedBytes += packet.data().length;
                scheduleLocked();
                return;
            }
        }
        LOG.error("Recording of camera '{}': {}", cameraId, lost);
        trouble.accept(lost);
    }

    @Override
    public void ended(String reason) {
        endedBecause = reason == null ? "ended" : reason;
        enqueue(() -> recorder.ended(endedBecause), 0);
    }

    /** Closes the recorder after what is queued (on a writer thread). */
    @Override
    public void close() {
        enqueue(recorder::close, 0);
    }

    /** Footage is missing from here on for a reason the recorder knows (see {@link CameraRecorder#interrupted}). */
    void interrupted(String reason) {
        enqueue(() -> recorder.interrupted(reason), 0);
    }

    /** A new recording policy, in order with the packets (the writer may be busy on a slow disk). */
    void policy(nl.uitkijk.api.recording.RecordingPolicy policy) {
        enqueue(() -> recorder.policy(policy), 0);
    }

    /** An event at the camera, in order with the packets. */
    void trigger(java.time.Instant at) {
        enqueue(() -> recorder.trigger(at), 0);
    }

    /** The recorder's work waits for the writers: closing idle segments runs in order with the packets. */
    void closeIfIdle(java.time.Duration idle) {
        enqueue(() -> recorder.closeIfIdle(idle), 0);
    }

    private final class Write implements Runnable {
        private final MediaPacket packet;

        Write(MediaPacket packet) {
            this.packet = packet;
        }

        @Override
        public void run() {
            recorder.packet(packet);
        }
    }

    private void enqueue(Runnable task, long bytes) {
        synchronized (this) {
            queue.addLast(task);
            queuedBytes += bytes;
            scheduleLocked();
        }
    }

    private void scheduleLocked() {
        if (!scheduled) {
            scheduled = true;
            try {
                writers.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled = false; // the recorder is stopping
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable task;
            synchronized (this) {
                task = queue.pollFirst();
                if (task == null) {
                    scheduled = false;
                    return;
                }
                if (task instanceof Write write) {
                    queuedBytes -= write.packet.data().length;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // a bug must not end recording: the recorder says what failed and the next keyframe starts anew
                LOG.error("Recording of camera '{}' failed unexpectedly", cameraId, e);
                trouble.accept("the recorder failed: " + e);
            }
        }
        synchronized (this) {
            scheduled = false;
            if (!queue.isEmpty()) {
                scheduleLocked(); // other cameras get their turn, then this one goes on
            }
        }
    }
}
