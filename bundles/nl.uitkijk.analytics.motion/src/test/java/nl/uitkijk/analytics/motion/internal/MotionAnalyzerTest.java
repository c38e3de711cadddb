package nl.uitkijk.analytics.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/** Motion on the real clips of the shared test data: people on a campus, cars on a road, and a still picture. */
class MotionAnalyzerTest {

    /** The clip's pictures as the platform would hand them: gray, 320 wide, about 5 a second. */
    private static List<VideoFrame> frames(String clip, int limit) throws Exception {
        Path file = TestData.require("video/" + clip);
        List<VideoFrame> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            grabber.start();
            int step = Math.max(1, (int) Math.round(grabber.getFrameRate() / 5));
            grabber.stop();
            int height = (int) Math.round(320.0 * grabber.getImageHeight() / grabber.getImageWidth()) & ~1;
            grabber.setImageWidth(320);
            grabber.setImageHeight(height);
            grabber.start();
            long index = 0;
            for (Frame frame; frames.size() < limit && (frame = grabber.grabImage()) != null; index++) {
                if (index % step != 0) {
                    continue;
                }
                ByteBuffer source = (ByteBuffer) frame.image[0];
                ByteBuffer copy = ByteBuffer.allocateDirect(source.remaining());
                copy.put(source.duplicate()).flip();
                frames.add(new VideoFrame(frame.imageWidth, frame.imageHeight, frame.imageStride, PixelFormat.GRAY8,
                        copy, frame.timestamp));
            }
        }
        return frames;
    }

    /** Share of the frames after the warm-up in which an episode is on. */
    private static double activeShare(FrameAnalyzer analyzer, List<VideoFrame> frames, List<Detection> seen) {
        int active = 0;
        for (VideoFrame frame : frames) {
            List<Detection> found = analyzer.analyze(frame);
            seen.addAll(found);
            if (!found.isEmpty()) {
                active++;
            }
        }
        return (double) active / (frames.size() - MotionAnalyzer.WARM_UP);
    }

    @Test
    void findsThePedestriansOnTheCampus() throws Exception {
        List<Detection> seen = new ArrayList<>();
        try (FrameAnalyzer analyzer = new MotionModule().create("vtest", Map.of())) {
            double share = activeShare(analyzer, frames("opencv_vtest_h264.mp4", 200), seen);
            assertTrue(share > 0.8, "people walk through almost every picture: motion in " + share);
        }
        Detection first = seen.get(0);
        assertEquals("motion", first.type());
        assertTrue(first.width() > 0 && first.width() < 0.6 && first.height() < 0.8, "a person-sized box: " + first);
        String grid = first.attributes().get("grid");
        assertEquals(MotionAnalyzer.COLUMNS * MotionAnalyzer.ROWS / 4, grid.length(), "16×12 bits in hex");
        assertFalse(grid.matches("0+"), "some cells move");
        assertFalse(grid.matches("f+"), "not all of them");
    }

    @Test
    void findsTheCarsOnTheRoad() throws Exception {
        List<Detection> seen = new ArrayList<>();
        try (FrameAnalyzer analyzer = new MotionModule().create("road", Map.of())) {
            double share = activeShare(analyzer, frames("bgslibrary_video.avi", 60), seen);
            assertTrue(share > 0.6, "cars pass: motion in " + share);
        }
    }

    @Test
    void aStillPictureHasNoMotion() throws Exception {
        VideoFrame still = frames("opencv_vtest_h264.mp4", 1).get(0);
        List<VideoFrame> same = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            same.add(new VideoFrame(still.width(), still.height(), still.stride(), still.pixelFormat(),
                    still.pixels().duplicate(), i * 200_000L));
        }
        List<Detection> seen = new ArrayList<>();
        try (FrameAnalyzer analyzer = new MotionModule().create("still", Map.of("sensitivity", 10))) {
            assertEquals(0.0, activeShare(analyzer, same, seen), "nothing moves, even at the highest sensitivity");
        }
        assertTrue(seen.isEmpty());
    }

    @Test
    void anExcludeZoneOverThePictureSilencesIt() throws Exception {
        List<Detection> seen = new ArrayList<>();
        Map<String, Object> config = Map.of("exclude", List.of(List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1),
                List.of(0, 1))));
        try (FrameAnalyzer analyzer = new MotionModule().create("vtest", config)) {
            assertEquals(0.0, activeShare(analyzer, frames("opencv_vtest_h264.mp4", 60), seen));
        }
    }

    @Test
    void aWrongSettingNamesItsFieldAndAnOddPictureIsRefusedClearly() {
        assertEquals("config.sensitivity: 1 to 10", assertThrows(IllegalArgumentException.class,
                () -> MotionConfig.parse(Map.of("sensitivity", 11))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MotionConfig.parse(Map.of("include",
                List.of(List.of(List.of(0, 0), List.of(2, 0), List.of(1, 1)))))).getMessage()
                .startsWith("config.include"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MotionConfig.parse(Map.of("minArea", "x")))
                .getMessage().startsWith("config.minArea"));
        try (FrameAnalyzer analyzer = new MotionModule().create("odd", Map.of())) {
            assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(new VideoFrame(320, 240, 960,
                    PixelFormat.BGR24, ByteBuffer.allocateDirect(320 * 240 * 3), 0)));
            assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(new VideoFrame(320, 240, 320,
                    PixelFormat.GRAY8, ByteBuffer.allocateDirect(100), 0)), "too few pixels");
            assertTrue(analyzer.analyze(new VideoFrame(17, 33, 17, PixelFormat.GRAY8,
                    ByteBuffer.allocateDirect(17 * 33), 0)).isEmpty(), "an odd size is fine");
        }
    }

    @Test
    void excludeWinsOverInclude() {
        MotionConfig config = MotionConfig.parse(Map.of(
                "include", List.of(List.of(List.of(0.2, 0.2), List.of(0.8, 0.2), List.of(0.8, 0.8), List.of(0.2, 0.8))),
                "exclude", List.of(List.of(List.of(0.4, 0.4), List.of(0.6, 0.4), List.of(0.6, 0.6)))));
        assertTrue(config.counts(0.3, 0.5));
        assertFalse(config.counts(0.1, 0.5), "outside the include zone");
        assertFalse(config.counts(0.55, 0.45), "in the exclude zone");
    }
}
