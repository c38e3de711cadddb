package nl.uitkijk.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.governance.LegalStatus;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;

/**
 * One viewer's live stream: a LIVE subscription to the media hub (the camera's single ingest) written out as an
 * H.264 Annex B byte stream. The hub calls the sink on its own thread, so packets pass through a small bounded queue
 * to the HTTP thread; when the viewer cannot keep up the hub drops to the next keyframe, never this queue's owner.
 */
final class LiveStream {

    private static final byte[] END = new byte[0];
    private static final Duration LEGAL_RECHECK = Duration.ofSeconds(5);
    private static final Duration SILENCE = Duration.ofSeconds(20);

    private final MediaHub media;
    private final String cameraId;
    private final String profile;
    private final Duration limit;
    private final Supplier<LegalStatus> legal;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(256);
    private volatile String endReason = "";

    LiveStream(MediaHub media, String cameraId, String profile, Duration limit, Supplier<LegalStatus> legal) {
        this.media = media;
        this.cameraId = cameraId;
        this.profile = profile;
        this.limit = limit;
        this.legal = legal;
    }

    /** Writes until the stream must end; @return why it ended, for the audit log */
    String writeTo(OutputStream out) throws IOException {
        long started = System.nanoTime();
        long deadline = limit == null ? Long.MAX_VALUE : started + limit.toNanos();
        long nextCheck = started + LEGAL_RECHECK.toNanos();
        long lastData = started;
        try (AutoCloseable subscription = media.subscribe(cameraId, profile, MediaHub.Delivery.LIVE, sink())) {
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return "ended after " + limit.toSeconds() + " s as asked";
                }
                if (now >= nextCheck) {
                    LegalStatus status = legal.get();
                    if (!status.permitted()) {
                        return "ended: " + status.reason();
                    }
                    nextCheck = now + LEGAL_RECHECK.toNanos();
                }
                if (now - lastData > SILENCE.toNanos()) {
                    return "ended: no video from the camera for " + SILENCE.toSeconds() + " s";
                }
                byte[] chunk = queue.poll(Math.min(250, Math.max(1, (deadline - now) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
                if (chunk == END) {
                    return "ended: " + endReason;
                }
                if (chunk != null) {
                    lastData = System.nanoTime();
                    out.write(chunk);
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            return "viewer left";
        } catch (UnknownCameraException e) {
            return "ended: the camera was removed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ended: shutting down";
        } catch (Exception e) {
            throw new IOException("live stream of camera '" + cameraId + "' failed: " + e.getMessage(), e);
        }
    }

    private MediaSink sink() {
        return new MediaSink() {
            @Override
            public void format(MediaFormat format) {
                if (isAnnexB(format.extradata())) {
                    queue.offer(format.extradata()); // SPS/PPS first, so a player can start at once
                }
            }

            private boolean waitForKeyframe;

            @Override
            public void packet(MediaPacket packet) {
                if (waitForKeyframe && !packet.keyframe()) {
                    return;
                }
                waitForKeyframe = false;
                if (!queue.offer(packet.data())) {
                    queue.clear(); // fell behind: start again at the next keyframe
                    waitForKeyframe = true;
                }
            }

            @Override
            public void ended(String reason) {
                endReason = reason;
                queue.clear();
                queue.offer(END);
            }
        };
    }

    private static boolean isAnnexB(byte[] data) {
        return data.length > 4 && data[0] == 0 && data[1] == 0 && (data[2] == 1 || data[2] == 0 && data[3] == 1);
    }
}
