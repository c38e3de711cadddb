package nl.uitkijk.analytics.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/**
 * The people module on the real CCTV clip of the shared test data (a campus, people walking; 768×576, 10 fps):
 * detection against frames we labelled ourselves, and crowd, loitering and line-crossing rules on scenes built from
 * the clip (a zone and a line where people walk).
 */
class PeopleAnalyzerTest {

    private static final Path CLIP = Path.of("video/opencv_vtest_h264.mp4");

    /** The clip's pictures as the platform would hand them: BGR, full size, 2 a second, from {@code second}. */
    private static List<VideoFrame> frames(double fps, int fromSecond, int seconds) throws Exception {
        Path file = TestData.require(CLIP.toString());
        List<VideoFrame> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            grabber.setTimestamp(fromSecond * 1_000_000L);
            long next = Long.MIN_VALUE;
            long end = (fromSecond + seconds) * 1_000_000L;
            for (Frame frame; (frame = grabber.grabImage()) != null && frame.timestamp < end;) {
                if (frame.timestamp < next) {
                    continue;
                }
                next = frame.timestamp + (long) (1_000_000 / fps) - 20_000;
                frames.add(copy(frame));
            }
        }
        return frames;
    }

    private static VideoFrame copy(Frame frame) {
        ByteBuffer source = (ByteBuffer) frame.image[0];
        ByteBuffer copy = ByteBuffer.allocateDirect(source.remaining());
        copy.put(source.duplicate()).flip();
        return new VideoFrame(frame.imageWidth, frame.imageHeight, frame.imageStride, PixelFormat.BGR24, copy,
                frame.timestamp);
    }

    @Test
    void findsThePedestriansOfOurLabelledFrames() throws Exception {
        List<String[]> labels = Files.readAllLines(Path.of("src/test/resources/vtest-people.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t")).toList();
        int truePositives = 0;
        int falsePositives = 0;
        int missed = 0;
        try (HogPersonDetector detector = new HogPersonDetector(PeopleConfig.DEFAULTS.upscale(),
                PeopleConfig.DEFAULTS.minScore())) {
            for (int second : labels.stream().mapToInt(label -> Integer.parseInt(label[0])).distinct().toArray()) {
                VideoFrame frame = frames(10, second, 1).get(0);
                List<Box> truth = labels.stream().filter(label -> Integer.parseInt(label[0]) == second)
                        .map(label -> new Box(Double.parseDouble(label[1]) / frame.width(),
                                Double.parseDouble(label[2]) / frame.height(),
                                Double.parseDouble(label[3]) / frame.width(),
                                Double.parseDouble(label[4]) / frame.height(), 1)).toList();
                Set<Box> matched = new HashSet<>();
                for (Box found : detector.detect(frame)) {
                    Box best = truth.stream().filter(person -> !matched.contains(person) && found.iou(person) >= 0.3)
                            .max((a, b) -> Double.compare(found.iou(a), found.iou(b))).orElse(null);
                    if (best == null) {
                        falsePositives++;
                    } else {
                        matched.add(best);
                        truePositives++;
                    }
                }
                missed += truth.size() - matched.size();
            }
        }
        double precision = (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / (truePositives + missed);
        System.out.printf("people on %d labelled persons: precision %.2f, recall %.2f%n", labels.size(), precision,
                recall);
        assertTrue(precision >= 0.8, "precision " + precision);
        assertTrue(recall >= 0.8, "recall " + recall);
    }

    /** Runs the module over the frames; returns every detection per type. */
    private static Map<String, List<Detection>> run(Map<String, Object> config, List<VideoFrame> frames) {
        Map<String, List<Detection>> byType = new HashMap<>();
        try (FrameAnalyzer analyzer = new PeopleModule().create("vtest", config)) {
            for (VideoFrame frame : frames) {
                for (Detection detection : analyzer.analyze(frame)) {
                    byType.computeIfAbsent(detection.type(), type -> new ArrayList<>()).add(detection);
                }
            }
        }
        return byType;
    }

    @Test
    void crowdLoiteringAndLineCrossingFireOnScenesBuiltFromTheClip() throws Exception {
        List<VideoFrame> frames = frames(2, 0, 40);
        // the paved square where people walk (the lower right of the picture) and a line across the path
        Map<String, Object> config = Map.of(
                "zones", List.of(Map.of("name", "plein",
                        "polygon", List.of(List.of(0.0, 0.3), List.of(1.0, 0.3), List.of(1.0, 0.75),
                                List.of(0.0, 0.75)),
                        "crowdCount", 3, "crowdSeconds", 2, "loiterSeconds", 8)),
                "lines", List.of(Map.of("name", "pad", "points", List.of(List.of(0.6, 0.3), List.of(0.6, 0.75)))));
        Map<String, List<Detection>> found = run(config, frames);
        System.out.println("people module on 40 s of the clip: " + found.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue().size()).sorted().toList());
        Set<String> tracks = new HashSet<>();
        found.getOrDefault("person", List.of()).forEach(person -> tracks.add(person.attributes().get("track")));
        assertTrue(found.get("person").size() > 100, "persons in most frames");
        assertTrue(tracks.size() >= 5 && tracks.size() < found.get("person").size() / 4,
                "followed, not a new track per frame: " + tracks.size() + " tracks");
        assertTrue(found.containsKey("crowd"), "three or more on the square for two seconds");
        assertEquals("plein", found.get("crowd").get(0).attributes().get("zone"));
        assertTrue(Integer.parseInt(found.get("crowd").get(0).attributes().get("count")) >= 3);
        assertTrue(found.containsKey("loitering"), "someone on the square for eight seconds");
        List<Detection> crossings = found.getOrDefault("line-crossing", List.of());
        assertTrue(crossings.size() >= 2, "people cross the line: " + crossings.size());
        Detection last = crossings.get(crossings.size() - 1);
        assertEquals(crossings.size(), Integer.parseInt(last.attributes().get("in"))
                + Integer.parseInt(last.attributes().get("out")), "in and out add up to the crossings");
        assertTrue(found.get("people-count").stream().allMatch(count -> count.attributes().get("zone")
                .equals("plein")));
    }

    @Test
    void anEmptyZoneRaisesNothingAndADirectionFilterHolds() throws Exception {
        List<VideoFrame> frames = frames(2, 0, 20);
        Map<String, List<Detection>> found = run(Map.of(
                "zones", List.of(Map.of("name", "gras", "polygon", List.of(List.of(0.0, 0.8), List.of(1.0, 0.8),
                        List.of(1.0, 1.0), List.of(0.0, 1.0)), "crowdCount", 2, "crowdSeconds", 1,
                        "loiterSeconds", 2)),
                "lines", List.of(Map.of("name", "pad", "points", List.of(List.of(0.6, 0.3), List.of(0.6, 0.75)),
                        "events", "none"))), frames);
        assertTrue(!found.containsKey("crowd") && !found.containsKey("loitering"), "nobody on the lawn");
        assertTrue(!found.containsKey("line-crossing"), "crossings counted but not events");
        assertTrue(found.get("people-count").stream().allMatch(count -> count.attributes().get("count")
                .equals("0")));
    }

    @Test
    void countingNeedsPersonsOnlyAndKeepsNoTrackIds() throws Exception {
        PeopleModule module = new PeopleModule();
        assertEquals(Set.of(nl.uitkijk.api.analytics.PersonalData.PERSONS), module.personalData(Map.of("zones",
                List.of(Map.of("polygon", List.of(List.of(0, 0), List.of(1, 0), List.of(0, 1)), "crowdCount", 5)))));
        assertEquals(module.personalData(), module.personalData(Map.of("lines", List.of(Map.of("points",
                List.of(List.of(0, 0), List.of(1, 1)))))), "a line follows persons over time");
        assertEquals(module.personalData(), module.personalData(Map.of("zones", List.of(Map.of("polygon",
                List.of(List.of(0, 0), List.of(1, 0), List.of(0, 1)), "loiterSeconds", 60)))));
        List<Detection> persons = run(Map.of(), frames(2, 0, 5)).get("person");
        assertTrue(persons != null && !persons.isEmpty());
        assertTrue(persons.stream().noneMatch(person -> person.attributes().containsKey("track")),
                "no track id leaves the module when no rule follows persons");
    }

    @Test
    void aBadConfigurationNamesItsField() {
        PeopleModule module = new PeopleModule();
        assertMessage("config.minScore", () -> module.validate(Map.of("minScore", 9)));
        assertMessage("config.zones[0].polygon", () -> module.validate(Map.of("zones", List.of(Map.of("name", "a",
                "polygon", List.of(List.of(0, 0), List.of(1, 1)))))));
        assertMessage("config.zones[0].crowdCount", () -> module.validate(Map.of("zones", List.of(Map.of(
                "polygon", List.of(List.of(0, 0), List.of(1, 0), List.of(0, 1)), "crowdCount", 1)))));
        assertMessage("config.lines[0].events", () -> module.validate(Map.of("lines", List.of(Map.of(
                "points", List.of(List.of(0, 0), List.of(1, 1)), "events", "sideways")))));
        assertMessage("config.lines[0].points", () -> module.validate(Map.of("lines", List.of(Map.of(
                "points", List.of(List.of(0, 0)))))));
        module.validate(Map.of()); // the defaults
    }

    private static void assertMessage(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, call);
        assertTrue(refused.getMessage().startsWith(field), refused.getMessage());
    }

    @Test
    void aWrongPictureIsAClearErrorAndAnOddSizeIsFine() {
        try (FrameAnalyzer analyzer = new PeopleModule().create("odd", Map.of())) {
            assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(new VideoFrame(64, 64, 64,
                    PixelFormat.GRAY8, ByteBuffer.allocateDirect(64 * 64), 0)));
            assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(new VideoFrame(64, 64, 192,
                    PixelFormat.BGR24, ByteBuffer.allocateDirect(100), 0)));
            assertTrue(analyzer.analyze(new VideoFrame(97, 61, 291, PixelFormat.BGR24,
                    ByteBuffer.allocateDirect(291 * 61), 0)).isEmpty(), "a black odd-sized picture: nobody");
        }
    }
}
