package nl.uitkijk.analytics.lpr.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.lpr.PlateRead;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LprModuleTest {

    private LprModule module;

    @BeforeAll
    void start() {
        module = new LprModule();
    }

    @AfterAll
    void stop() {
        module.deactivate();
    }

    private static byte[] jpeg(Mat picture) {
        try (BytePointer out = new BytePointer()) {
            imencode(".jpg", picture, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    @Test
    void aStillIsReadWithTextLayoutAndBox() throws Exception {
        byte[] photo = Files.readAllBytes(TestData.require("plates/openalpr_eu_test_059.jpg"));
        List<PlateRead> plates = module.read(photo);
        assertTrue(!plates.isEmpty());
        PlateRead best = plates.get(0);
        assertEquals("BA302OZ", best.text());
        assertEquals("BA-302-OZ", best.formatted());
        assertTrue(best.confidence() > 0.5 && best.confidence() <= 1);
        // labelled box of that photo: 162 155 100 23 (labels.tsv)
        assertTrue(PlateReaderAccuracyTest.iou(new Rect(best.x(), best.y(), best.width(), best.height()),
                new Rect(162, 155, 100, 23)) >= 0.5, best::toString);
    }

    @Test
    void garbageIsRefusedWithAReason() throws Exception {
        assertEquals("the picture is empty", assertThrows(IllegalArgumentException.class,
                () -> module.read(new byte[0])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> module.read("hello".getBytes()))
                .getMessage().contains("not a JPEG or PNG"));
        try (Mat tiny = new Mat(1, 1, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> module.read(jpeg(tiny))).getMessage()
                    .contains("too small"));
        }
        byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(TestData.require(
                "plates/openalpr_eu_test_059.jpg")), 300);
        assertThrows(IllegalArgumentException.class, () -> module.read(truncated));
        BufferedImage huge = new BufferedImage(10_000, 6_000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(huge, "png", png);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> module.read(png.toByteArray())).getMessage()
                .contains("more than"));
    }

    /** A plate moving through the picture for two seconds, then gone: one passage, one read. */
    @Test
    void aPassingVehicleIsOneRead() {
        List<Detection> found = new ArrayList<>();
        try (Mat photo = imread(TestData.require("plates/openalpr_eu_test_059.jpg").toString());
                FrameAnalyzer analyzer = module.create("cam", Map.of())) {
            int width = 640;
            int height = 360;
            long t = 0;
            for (int i = 0; i < 10; i++, t += 200_000) {
                try (Mat frame = new Mat(height, width, CV_8UC3, new Scalar(40, 40, 40, 0))) {
                    int x = 40 + i * 8;
                    try (Mat from = new Mat(photo, new Rect(0, 60, 400, 200)); Mat to = new Mat(frame,
                            new Rect(x, 80, 400, 200))) {
                        from.copyTo(to);
                    }
                    found.addAll(analyzer.analyze(frame(frame, t)));
                }
            }
            for (int i = 0; i < 15; i++, t += 200_000) {
                try (Mat empty = new Mat(height, width, CV_8UC3, new Scalar(40, 40, 40, 0))) {
                    found.addAll(analyzer.analyze(frame(empty, t)));
                }
            }
        }
        assertEquals(1, found.size(), found::toString);
        Detection passage = found.get(0);
        assertEquals(PlateRead.DETECTION_TYPE, passage.type());
        assertEquals("BA302OZ", passage.attributes().get(PlateRead.TEXT));
        assertTrue(Integer.parseInt(passage.attributes().get(PlateRead.VOTES)) >= 5, passage::toString);
        assertTrue(passage.x() > 0 && passage.x() + passage.width() <= 1);
    }

    private static VideoFrame frame(Mat picture, long micros) {
        byte[] pixels = new byte[picture.rows() * picture.cols() * 3];
        picture.data().get(pixels);
        return new VideoFrame(picture.cols(), picture.rows(), picture.cols() * 3, VideoFrame.PixelFormat.BGR24,
                ByteBuffer.wrap(pixels), micros);
    }
}
