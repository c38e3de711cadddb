package nl.uitkijk.core.internal.privacy;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.uitkijk.api.camera.Camera;
import nl.uitkijk.api.camera.CameraDefinition;
import nl.uitkijk.api.camera.DeviceInfo;
import nl.uitkijk.api.camera.InvalidCameraException;
import nl.uitkijk.api.camera.Location;
import nl.uitkijk.api.camera.StatusInfo;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaHub;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.media.StreamProfile;
import nl.uitkijk.api.media.StreamStats;
import nl.uitkijk.api.privacy.PrivacyMasks.Mask;
import nl.uitkijk.core.internal.analytics.ClipPackets;
import nl.uitkijk.core.internal.governance.AuditLogImpl;
import nl.uitkijk.core.internal.persistence.DerbyDatabase;
import nl.uitkijk.testkit.InMemoryCameraRegistry;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy masks on the real clip: masked areas carry no detail (low variance, no edges) in a JPEG, a live stream
 * and an MP4, while the rest of the picture keeps its detail and matches the original; a camera without masks gets
 * the original untouched; masks are checked, stored, audited.
 */
class PrivacyMasksTest {

    /** The left part of the picture, where the clip's people walk: a house front, say. */
    private static final Mask HOUSE = new Mask(List.of(new double[] {0.05, 0.1}, new double[] {0.45, 0.1},
            new double[] {0.45, 0.9}, new double[] {0.05, 0.9}));

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private AuditLogImpl audit;
    private PrivacyMasksImpl masks;
    private final InMemoryCameraRegistry cameras = new InMemoryCameraRegistry();
    private final List<AtomicBoolean> players = new CopyOnWriteArrayList<>();

    /** Plays the clip in real time to whoever subscribes, as the hub hands on a camera's packets. */
    private final MediaHub hub = new MediaHub() {
        @Override
        public AutoCloseable subscribe(String cameraId, String profile, Delivery delivery, MediaSink sink) {
            AtomicBoolean open = new AtomicBoolean(true);
            players.add(open);
            Thread player = new Thread(() -> {
                try (ClipPackets clip = new ClipPackets(TestData.require("video/opencv_vtest_h264.mp4"))) {
                    sink.format(clip.format);
                    long started = System.nanoTime();
                    clip.forEachPacket(packet -> {
                        if (!open.get()) {
                            throw new IllegalStateException("closed");
                        }
                        long wait = packet.ptsMicros() * 1000 - (System.nanoTime() - started);
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        sink.packet(packet);
                    });
                } catch (Exception e) {
                    // closed, or the clip ended
                }
            });
            player.setDaemon(true);
            player.start();
            return () -> open.set(false);
        }

        @Override
        public Optional<StreamStats> stats(String cameraId, String profile) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void start() throws Exception {
        database = new DerbyDatabase(folder.resolve("db"));
        audit = new AuditLogImpl(database);
        for (String id : List.of("huis", "plein")) {
            cameras.put(new Camera(new CameraDefinition(id, id, "rtsp", Map.of(), new Location(50.888, 5.980, null,
                    null), "centrum", null), StatusInfo.online(), List.of(new StreamProfile("main", null, "h264",
                            768, 576, 10)), DeviceInfo.NONE));
        }
        masks = new PrivacyMasksImpl(database, cameras, hub, null, audit);
    }

    @AfterEach
    void stop() {
        masks.deactivate();
        database.close();
    }

    @Test
    void masksAreCheckedStoredAndAudited() throws Exception {
        InvalidCameraException bad = assertThrows(InvalidCameraException.class, () -> masks.setMasks("huis",
                List.of(HOUSE, new Mask(List.of(new double[] {0, 0}, new double[] {1.5, 0}, new double[] {1, 1}))),
                "anna"));
        assertEquals("masks[1].polygon[1]", bad.problems().get(0).field());
        assertThrows(InvalidCameraException.class, () -> masks.setMasks("huis", List.of(new Mask(List.of(
                new double[] {0, 0}, new double[] {1, 0}))), "anna"));
        masks.setMasks("huis", List.of(HOUSE), "anna");
        assertEquals(1, new PrivacyMasksImpl(database, cameras, hub, null, audit).masks("huis").size(),
                "stored");
        assertTrue(audit.entries(Instant.now().minusSeconds(60), null, null, 10).stream()
                .anyMatch(e -> e.action().equals("privacy.masks") && e.actor().equals("anna")));
        masks.setMasks("huis", List.of(), "anna");
        assertTrue(new PrivacyMasksImpl(database, cameras, hub, null, audit).masks("huis").isEmpty(), "removed");
    }

    @Test
    void aJpegCarriesNoDetailInsideAMaskAndTheRestUnchanged() throws Exception {
        masks.setMasks("huis", List.of(HOUSE), "anna");
        try (Mat original = frame(40)) {
            byte[] jpeg = jpeg(original);
            assertArrayEquals(jpeg, masks.mask("plein", jpeg), "a camera without masks: the same bytes");
            try (Mat masked = decode(masks.mask("huis", jpeg))) {
                assertMasked(masked, original, 6);
            }
        }
    }

    /** What nobody may watch is not analysed: the masks are filled in the pictures handed to analytics modules. */
    @Test
    void analyticsPicturesAreMaskedInPlace() throws Exception {
        masks.setMasks("huis", List.of(HOUSE), "anna");
        try (Mat original = frame(40)) {
            int size = original.rows() * original.cols() * 3;
            java.nio.ByteBuffer pixels = java.nio.ByteBuffer.allocateDirect(size);
            byte[] bytes = new byte[size];
            original.data().get(bytes);
            pixels.put(bytes).flip();
            nl.uitkijk.api.media.VideoFrame picture = new nl.uitkijk.api.media.VideoFrame(original.cols(),
                    original.rows(), original.cols() * 3, nl.uitkijk.api.media.VideoFrame.PixelFormat.BGR24, pixels, 0);
            masks.paint("plein", picture);
            assertEquals(bytes[size / 2], pixels.get(size / 2), "a camera without masks: untouched");
            masks.paint("huis", picture);
            try (BytePointer pointer = new BytePointer(pixels); Mat painted = new Mat(original.rows(),
                    original.cols(), org.bytedeco.opencv.global.opencv_core.CV_8UC3, pointer)) {
                assertMasked(painted, original, 1);
            }
        }
    }

    @Test
    void theLiveStreamIsReEncodedWithTheMasksFilledAndSharedByItsViewers() throws Exception {
        masks.setMasks("huis", List.of(HOUSE), "anna");
        ByteArrayOutputStream annexB = new ByteArrayOutputStream();
        List<MediaFormat> formats = new CopyOnWriteArrayList<>();
        List<MediaPacket> first = new CopyOnWriteArrayList<>();
        List<MediaPacket> second = new CopyOnWriteArrayList<>();
        AutoCloseable one = masks.subscribe("huis", "main", sink(formats, first));
        AutoCloseable two = masks.subscribe("huis", "main", sink(new ArrayList<>(), second));
        Thread.sleep(4_000);
        assertEquals(1, masks.statistics().size(), "one re-encoding for both viewers");
        assertEquals(1, players.size(), "one subscription to the hub");
        one.close();
        two.close();
        assertTrue(masks.statistics().isEmpty(), "stopped with the last viewer");
        Thread.sleep(300);
        assertFalse(players.get(0).get(), "the hub subscription closed");
        assertEquals("h264", formats.get(0).codec());
        assertTrue(first.size() > 20 && second.size() > 20, first.size() + " / " + second.size());
        assertTrue(first.get(0).keyframe() && second.get(0).keyframe(), "each viewer starts at a keyframe");
        for (MediaPacket packet : first) {
            annexB.write(packet.data());
        }
        Path file = folder.resolve("masked.h264");
        Files.write(file, annexB.toByteArray());
        int checked = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.setFormat("h264");
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                Mat picture = converter.convert(frame);
                assertNoDetailInside(picture);
                assertDetailOutside(picture);
                checked++;
            }
        }
        assertTrue(checked > 20, "decoded " + checked);
    }

    /** The hub ends a stream (the camera removed, say): its viewers hear why, the next viewer gets a fresh one. */
    @Test
    void aStreamTheHubEndedIsReplacedForTheNextViewer() throws Exception {
        masks.setMasks("huis", List.of(HOUSE), "anna");
        List<String> ended = new CopyOnWriteArrayList<>();
        List<MediaPacket> before = new CopyOnWriteArrayList<>();
        MediaSink first = new MediaSink() {
            @Override
            public void format(MediaFormat format) {
            }

            @Override
            public void packet(MediaPacket packet) {
                before.add(packet);
            }

            @Override
            public void ended(String reason) {
                ended.add(reason);
            }
        };
        masks.subscribe("huis", "main", first);
        Thread.sleep(1_500);
        MaskedStream running = masks.runningStream("huis/main");
        running.ended("camera removed");
        assertEquals(List.of("camera removed"), ended);
        List<MediaPacket> after = new CopyOnWriteArrayList<>();
        try (AutoCloseable again = masks.subscribe("huis", "main", sink(new ArrayList<>(), after))) {
            Thread.sleep(2_000);
        }
        assertTrue(!after.isEmpty() && after.get(0).keyframe(), "a fresh stream for the next viewer");
    }

    @Test
    void aCameraWithoutMasksIsTheHubsOwnStream() throws Exception {
        List<MediaPacket> packets = new CopyOnWriteArrayList<>();
        try (AutoCloseable plain = masks.subscribe("plein", "main", sink(new ArrayList<>(), packets))) {
            Thread.sleep(1_000);
        }
        assertTrue(masks.statistics().isEmpty(), "nothing re-encoded");
        try (ClipPackets clip = new ClipPackets(TestData.require("video/opencv_vtest_h264.mp4"))) {
            List<MediaPacket> original = new ArrayList<>();
            clip.forEachPacket(original::add);
            assertArrayEquals(original.get(0).data(), packets.get(0).data(), "the camera's own bytes");
        }
    }

    @Test
    void anMp4IsReEncodedWithTheMasksFilledAndTheRestMatchesTheOriginal() throws Exception {
        masks.setMasks("huis", List.of(HOUSE), "anna");
        Path original = TestData.require("video/opencv_vtest_h264.mp4");
        Path masked = folder.resolve("masked.mp4");
        assertTrue(masks.mask("huis", original, masked));
        Path copy = folder.resolve("copy.mp4");
        assertFalse(masks.mask("plein", original, copy));
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), "no masks: a plain copy");
        int frames = 0;
        try (FFmpegFrameGrabber a = new FFmpegFrameGrabber(original.toFile());
                FFmpegFrameGrabber b = new FFmpegFrameGrabber(masked.toFile());
                OpenCVFrameConverter.ToMat ca = new OpenCVFrameConverter.ToMat();
                OpenCVFrameConverter.ToMat cb = new OpenCVFrameConverter.ToMat()) {
            a.start();
            b.start();
            Frame fa;
            Frame fb;
            while ((fa = a.grabImage()) != null && (fb = b.grabImage()) != null && frames < 120) {
                Mat before = ca.convert(fa).clone();
                Mat after = cb.convert(fb);
                assertMasked(after, before, 10);
                before.close();
                frames++;
            }
        }
        assertTrue(frames >= 100, "frames compared: " + frames);
    }

    // ---- helpers

    private static MediaSink sink(List<MediaFormat> formats, List<MediaPacket> packets) {
        return new MediaSink() {
            @Override
            public void format(MediaFormat format) {
                formats.add(format);
            }

            @Override
            public void packet(MediaPacket packet) {
                packets.add(packet);
            }

            @Override
            public void ended(String reason) {
            }
        };
    }

    /** Inside the mask (a few pixels in from its edge): nearly one value and no edges. */
    private static void assertNoDetailInside(Mat picture) {
        try (Mat inside = new Mat(picture, inner(picture)); Mat gray = new Mat(); Mat edges = new Mat();
                Mat mean = new Mat(); Mat deviation = new Mat()) {
            cvtColor(inside, gray, COLOR_BGR2GRAY);
            meanStdDev(gray, mean, deviation);
            double sd = deviation.createIndexer().getDouble(0);
            assertTrue(sd < 3, "variance inside the mask: sd " + sd);
            Canny(gray, edges, 50, 150);
            assertEquals(0, org.bytedeco.opencv.global.opencv_core.countNonZero(edges), "edges inside the mask");
        }
    }

    /** The right half (no mask): people, street, detail. */
    private static void assertDetailOutside(Mat picture) {
        try (Mat outside = new Mat(picture, new Rect(picture.cols() / 2 + 10, 0, picture.cols() / 2 - 10,
                picture.rows())); Mat gray = new Mat(); Mat mean = new Mat(); Mat deviation = new Mat()) {
            cvtColor(outside, gray, COLOR_BGR2GRAY);
            meanStdDev(gray, mean, deviation);
            assertTrue(deviation.createIndexer().getDouble(0) > 15, "detail outside the mask");
        }
    }

    /** Masked inside, and outside the mask within {@code tolerance} (mean absolute difference) of the original. */
    private static void assertMasked(Mat masked, Mat original, double tolerance) {
        assertNoDetailInside(masked);
        assertDetailOutside(masked);
        Rect right = new Rect(masked.cols() / 2 + 10, 0, masked.cols() / 2 - 10, masked.rows());
        try (Mat a = new Mat(masked, right); Mat b = new Mat(original, right); Mat diff = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.absdiff(a, b, diff);
            double mean = org.bytedeco.opencv.global.opencv_core.mean(diff).get(0);
            assertTrue(mean < tolerance, "outside the mask the picture matches the original: " + mean);
        }
    }

    private static Rect inner(Mat picture) {
        int x = (int) Math.ceil(0.05 * picture.cols()) + 4;
        int y = (int) Math.ceil(0.1 * picture.rows()) + 4;
        return new Rect(x, y, (int) (0.45 * picture.cols()) - 4 - x, (int) (0.9 * picture.rows()) - 4 - y);
    }

    private static Mat frame(int index) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(TestData.require("video/opencv_vtest_h264.mp4")
                .toFile()); OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame = null;
            for (int i = 0; i <= index; i++) {
                frame = grabber.grabImage();
            }
            return converter.convert(frame).clone();
        }
    }

    private static byte[] jpeg(Mat picture) {
        try (BytePointer out = new BytePointer()) {
            imencode(".jpg", picture, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    private static Mat decode(byte[] jpeg) {
        try (BytePointer bytes = new BytePointer(jpeg); Mat encoded = new Mat(1, jpeg.length,
                org.bytedeco.opencv.global.opencv_core.CV_8U, bytes)) {
            return imdecode(encoded, IMREAD_COLOR);
        }
    }
}
