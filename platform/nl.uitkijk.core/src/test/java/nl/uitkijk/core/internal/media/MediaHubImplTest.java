package nl.uitkijk.core.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.CameraSession;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub.Delivery;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.core.internal.camera.CameraSessions;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub against a real RTSP server serving real CCTV footage. */
class MediaHubImplTest {

    @TempDir
    Path folder;
    private MediaHubImpl hub;
    private RtspCameraSimulator simulator;

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.deactivate();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** One camera whose session has only a stream URI, as the RTSP driver's has. */
    static CameraSessions cameraAt(String url) {
        Camera camera = new Camera(new CameraDefinition("cam", "Cam", "rtsp", Map.of(),
                new Location(50.9, 5.9, null, null), null, null), StatusInfo.online(), List.of(), null);
        CameraSession session = new CameraSession() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }

            @Override
            public Optional<URI> mediaUri(String profileName) {
                return Optional.of(URI.create(url));
            }
        };
        return new CameraSessions() {
            @Override
            public Optional<Camera> camera(String id) {
                return "cam".equals(id) ? Optional.of(camera) : Optional.empty();
            }

            @Override
            public Optional<CameraSession> session(String id) {
                return "cam".equals(id) ? Optional.of(session) : Optional.empty();
            }
        };
    }

    static MediaHubImpl hub(CameraSessions sessions) throws IOException {
        return new MediaHubImpl(sessions, new MediaHubImpl.Configuration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MediaHubImpl.Configuration.class;
            }

            @Override
            public int dispatchThreads() {
                return 2;
            }

            @Override
            public int readerThreads() {
                return 1;
            }

            @Override
            public int readPauseMillis() {
                return 20;
            }

            @Override
            public String[] rtspBasicCameras() {
                return new String[0];
            }
        });
    }

    private static final class Collecting implements MediaSink {
        final BlockingQueue<MediaPacket> packets = new LinkedBlockingQueue<>();
        volatile MediaFormat format;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile long sleepMillis;

        @Override
        public void format(MediaFormat newFormat) {
            format = newFormat;
        }

        @Override
        public void packet(MediaPacket packet) {
            packets.add(packet);
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void ended(String reason) {
            ended.countDown();
        }

        MediaPacket next() throws InterruptedException {
            MediaPacket packet = packets.poll(20, TimeUnit.SECONDS);
            assertNotNull(packet, "packets keep coming");
            return packet;
        }
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void oneConnectionFeedsEverySubscriberTheSamePacketsWithoutDecoding() throws Exception {
        simulator = RtspCameraSimulator.start(folder, 1);
        hub = hub(cameraAt(simulator.url(1)));
        Collecting recorder = new Collecting();
        Collecting viewer = new Collecting();
        AutoCloseable first = hub.subscribe("cam", "main", Delivery.LOSSLESS, recorder);
        AutoCloseable second = hub.subscribe("cam", "main", Delivery.LIVE, viewer);

        MediaPacket firstPacket = recorder.next();
        assertTrue(firstPacket.keyframe(), "a subscriber starts at a keyframe");
        assertEquals("h264", recorder.format.codec());
        assertEquals(768, recorder.format.width());
        assertTrue(recorder.format.extradata().length > 0, "SPS/PPS for remuxing");
        for (int i = 0; i < 30; i++) {
            recorder.next();
        }
        await(() -> viewer.packets.size() >= 5, "the second subscriber gets packets too");
        StreamStats stats = hub.stats("cam", "main").orElseThrow();
        assertTrue(stats.connected());
        assertEquals(2, stats.subscribers());
        assertEquals(0, stats.reconnects(), "one connection for both");
        assertTrue(stats.fps() > 5 && stats.bitrateKbps() > 50, stats.toString());

        first.close();
        second.close();
        assertTrue(recorder.ended.await(5, TimeUnit.SECONDS));
        assertTrue(hub.stats("cam", "main").isEmpty(), "the connection closes with the last subscriber");
    }

    @Test
    void aSlowLiveViewerSkipsAheadWhileTheRecorderGetsEveryPacket() throws Exception {
        simulator = RtspCameraSimulator.start(folder, 1);
        hub = hub(cameraAt(simulator.url(1)));
        Collecting recorder = new Collecting();
        Collecting slow = new Collecting();
        slow.sleepMillis = 2_000;
        hub.subscribe("cam", "main", Delivery.LIVE, slow);
        hub.subscribe("cam", "main", Delivery.LOSSLESS, recorder);
        // Until the slow viewer's queue overflows (LIVE_CAPACITY packets at 10 fps), then some more.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (hub.stats("cam", "main").orElseThrow().droppedPackets() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(hub.stats("cam", "main").orElseThrow().droppedPackets() > 0, "the slow viewer lost packets");
        // The recorder saw an unbroken sequence, one packet per picture: every step in decode time is one frame.
        List<MediaPacket> recorded = List.copyOf(recorder.packets);
        assertTrue(recorded.size() >= Subscriber.LIVE_CAPACITY, "recorded " + recorded.size());
        for (int i = 1; i < recorded.size(); i++) {
            long step = recorded.get(i).dtsMicros() - recorded.get(i - 1).dtsMicros();
            assertTrue(step > 0 && step <= 101_000, "packet " + i + " follows packet " + (i - 1) + " by " + step
                    + " µs: nothing missing in between; " + describe(recorded.get(i - 1)) + " / "
                    + describe(recorded.get(i)));
        }
    }

    private static String describe(MediaPacket packet) {
        StringBuilder text = new StringBuilder(packet.data().length + " bytes, key " + packet.keyframe() + ", NALs");
        byte[] d = packet.data();
        for (int i = 0; i + 3 < d.length && text.length() < 200; i++) {
            if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
                text.append(' ').append(d[i + 3] & 0x1f);
            }
        }
        return text.toString();
    }

    @Test
    void itReconnectsWithinSecondsWhenTheCameraReturns() throws Exception {
        simulator = RtspCameraSimulator.start(folder, 1);
        int port = simulator.port();
        hub = hub(cameraAt(simulator.url(1)));
        Collecting recorder = new Collecting();
        hub.subscribe("cam", "main", Delivery.LOSSLESS, recorder);
        recorder.next();
        simulator.close();
        simulator = null;
        await(() -> !hub.stats("cam", "main").orElseThrow().connected(), "the hub notices the camera is gone");
        String error = hub.stats("cam", "main").orElseThrow().lastError();
        Thread.sleep(10_000); // down for ten seconds, as a camera that reboots

        simulator = RtspCameraSimulator.start(folder, 1, port);
        long back = System.nanoTime();
        recorder.packets.clear();
        MediaPacket resumed = recorder.packets.poll(20, TimeUnit.SECONDS);
        assertNotNull(resumed, "recording resumes after the camera is back");
        double seconds = (System.nanoTime() - back) / 1e9;
        assertTrue(seconds < 6, "resumed " + seconds + " s after the camera was back");
        StreamStats stats = hub.stats("cam", "main").orElseThrow();
        assertTrue(stats.reconnects() >= 1);
        assertFalse(error.isEmpty(), "the reason was recorded");
    }

    @Test
    void anUnknownCameraIsRefused() throws IOException {
        hub = hub(cameraAt("rtsp://127.0.0.1:1/none"));
        assertThrows(UnknownCameraException.class, () -> hub.subscribe("nope", "main", Delivery.LIVE,
                new Collecting()));
    }
}
