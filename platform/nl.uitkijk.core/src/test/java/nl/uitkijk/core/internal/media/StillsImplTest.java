package nl.uitkijk.core.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import nl.uitkijk.api.camera.UnknownCameraException;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.Still;
import nl.uitkijk.api.media.StillSink;
import nl.uitkijk.testkit.RtspCameraSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stills of the real CCTV clip from a real RTSP server, decoded by FFmpeg and written by OpenCV. */
class StillsImplTest {

    @TempDir
    Path folder;
    private MediaHubImpl hub;
    private StillsImpl stills;
    private RtspCameraSimulator simulator;

    @AfterEach
    void stop() throws Exception {
        if (stills != null) {
            stills.stop();
        }
        if (hub != null) {
            hub.deactivate();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private static final class Collecting implements StillSink {
        final BlockingQueue<Still> stills = new LinkedBlockingQueue<>();
        volatile String endedBecause;

        @Override
        public void still(Still still) {
            stills.add(still);
        }

        @Override
        public void ended(String reason) {
            endedBecause = reason;
        }

        Still next() throws InterruptedException {
            Still still = stills.poll(20, TimeUnit.SECONDS);
            assertNotNull(still, "stills keep coming");
            return still;
        }
    }

    @Test
    void everyWatcherGetsTheSameDecodedPictureScaledToTheWidthAsked() throws Exception {
        simulator = RtspCameraSimulator.start(folder, 1);
        hub = MediaHubImplTest.hub(MediaHubImplTest.cameraAt(simulator.url(1)));
        stills = new StillsImpl(hub);
        Collecting first = new Collecting();
        Collecting second = new Collecting();
        AutoCloseable one = stills.subscribe("cam", "main", 640, first);
        AutoCloseable two = stills.subscribe("cam", "main", 640, second);
        assertEquals(1, stills.activeStreams(), "one stream and decoder for both");

        Still still = first.next();
        assertEquals(640, still.width());
        assertEquals(480, still.height(), "768×576 keeps its aspect ratio");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(still.jpeg()));
        assertEquals(640, picture.getWidth());
        assertEquals(480, picture.getHeight());
        assertTrue(spread(picture) > 40, "a real picture, not a blank one: luminance spread " + spread(picture));
        Still again = first.next();
        assertTrue(again.capturedMicros() > still.capturedMicros(), "a new still for each keyframe");
        assertTrue(second.stills.size() + 2 >= first.stills.size(), "the other watcher gets them too");

        one.close();
        assertEquals(1, stills.activeStreams(), "still watched by the other");
        two.close();
        assertEquals(0, stills.activeStreams());
        assertTrue(hub.stats("cam", "main").isEmpty(), "the camera connection closes with the last watcher");
        assertNull(first.endedBecause);
    }

    @Test
    void anUnknownCameraOrAWidthOutOfRangeIsRefused() throws Exception {
        simulator = RtspCameraSimulator.start(folder, 1);
        hub = MediaHubImplTest.hub(MediaHubImplTest.cameraAt(simulator.url(1)));
        stills = new StillsImpl(hub);
        assertThrows(UnknownCameraException.class, () -> stills.subscribe("nope", "main", 640, new Collecting()));
        assertThrows(IllegalArgumentException.class, () -> stills.subscribe("cam", "main", 10, new Collecting()));
        assertEquals(0, stills.activeStreams());
    }

    @Test
    void aBrokenKeyframeIsRefusedAndTheNextOneStillDecodes() throws Exception {
        simulator = RtspCameraSimulator.start(folder, 1);
        hub = MediaHubImplTest.hub(MediaHubImplTest.cameraAt(simulator.url(1)));
        BlockingQueue<MediaPacket> keyframes = new LinkedBlockingQueue<>();
        MediaFormat[] format = new MediaFormat[1];
        AutoCloseable subscription = hub.subscribe("cam", "main", MediaHub.Delivery.LIVE, new MediaSink() {
            @Override
            public void format(MediaFormat newFormat) {
                format[0] = newFormat;
            }

            @Override
            public void packet(MediaPacket packet) {
                if (packet.keyframe()) {
                    keyframes.add(packet);
                }
            }

            @Override
            public void ended(String reason) {
            }
        });
        MediaPacket keyframe = keyframes.poll(20, TimeUnit.SECONDS);
        subscription.close();
        assertNotNull(keyframe);
        try (KeyframeDecoder decoder = new KeyframeDecoder(format[0], 320)) {
            byte[] garbage = new byte[2000];
            new java.util.Random(7).nextBytes(garbage);
            assertThrows(IllegalArgumentException.class,
                    () -> decoder.decode(new MediaPacket(0, 0, true, garbage, 0)));
            byte[] truncated = java.util.Arrays.copyOf(keyframe.data(), 40);
            assertThrows(IllegalArgumentException.class,
                    () -> decoder.decode(new MediaPacket(0, 0, true, truncated, 0)));
            Still still = decoder.decode(keyframe);
            assertEquals(320, still.width());
            assertEquals(240, still.height());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new KeyframeDecoder(new MediaFormat("nonsense", 1, 1, 1, null), 320));
    }

    /** The difference between the darkest and brightest tenth of the picture's luminance. */
    private static int spread(BufferedImage picture) {
        int[] histogram = new int[256];
        for (int y = 0; y < picture.getHeight(); y += 4) {
            for (int x = 0; x < picture.getWidth(); x += 4) {
                int rgb = picture.getRGB(x, y);
                histogram[((rgb >> 16 & 255) * 3 + (rgb >> 8 & 255) * 6 + (rgb & 255)) / 10]++;
            }
        }
        int total = 0;
        for (int count : histogram) {
            total += count;
        }
        int low = -1;
        int high = -1;
        int seen = 0;
        for (int value = 0; value < 256; value++) {
            seen += histogram[value];
            if (low < 0 && seen >= total / 10) {
                low = value;
            }
            if (high < 0 && seen >= total * 9 / 10) {
                high = value;
            }
        }
        return high - low;
    }
}
