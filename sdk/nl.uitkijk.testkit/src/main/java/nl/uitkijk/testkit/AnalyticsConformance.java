package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit for analytics modules: a module's own test extends this class and says which module and which
 * configurations; it inherits the checks every Uitkijk analytics module must pass, because the platform's runtime
 * relies on them:
 * <ul>
 * <li>it describes itself: an id and event types the platform can store, a label, requirements within what the
 * platform decodes, the personal data it processes;</li>
 * <li>its defaults are valid, and a bad configuration is refused naming the field ({@code config.…});</li>
 * <li>it analyses real CCTV footage (the shared test data's {@value #CLIP}) at the rate, size and layout it asks
 * for, and what it finds is a valid detection: a type, a confidence 0..1, a box inside the picture;</li>
 * <li>garbage, a wrong layout, too few pixels and odd sizes give a clear {@code IllegalArgumentException} or an
 * answer, never another exception (and never a crash of the JVM, which would end this test);</li>
 * <li>creating, using and closing it many times leaves no thread running and no native memory held.</li>
 * </ul>
 * The CPU time per frame on the clip is measured; the result goes to
 * {@code target/conformance/analytics-<id>.json} for procurement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConformanceReport.Watcher.class)
public abstract class AnalyticsConformance implements ConformanceReport.Kit {

    /** The clip every module is run on. */
    public static final String CLIP = "video/opencv_vtest_h264.mp4";
    private static final int SECONDS = 20;

    private final ConformanceReport report = new ConformanceReport();
    private final List<VideoFrame> footage = new ArrayList<>();
    private double cpuMillisPerFrame;
    private AnalyticsModule module;

    /** The module under test, made as Declarative Services would make it. */
    protected abstract AnalyticsModule module();

    /** A configuration it accepts (default: none, its defaults). */
    protected Map<String, Object> validConfig() {
        return Map.of();
    }

    /**
     * A configuration it must refuse, naming the field; a kit that cannot know one throws
     * {@link org.opentest4j.TestAbortedException} (that part of the check then does not apply).
     */
    protected abstract Map<String, Object> invalidConfig();

    /** The clip the module is run on: {@value #CLIP} of the test data (skips the kit where it is absent). */
    protected Path clip() {
        return TestData.require(CLIP);
    }

    @BeforeAll
    void loadFootage() throws Exception {
        module = module();
        FrameRequirements wanted = module.requirements();
        Path clip = clip();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.setPixelFormat(wanted.pixelFormat() == PixelFormat.GRAY8 ? avutil.AV_PIX_FMT_GRAY8
                    : avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            int width = Math.min(wanted.maxWidth(), grabber.getImageWidth()) & ~1;
            int height = (int) Math.round((double) grabber.getImageHeight() * width / grabber.getImageWidth()) & ~1;
            grabber.stop();
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
            grabber.start();
            long interval = (long) (1_000_000 / Math.max(0.1, wanted.maxFps()));
            long next = Long.MIN_VALUE;
            for (Frame frame; (frame = grabber.grabImage()) != null && frame.timestamp < SECONDS * 1_000_000L;) {
                if (frame.timestamp < next) {
                    continue;
                }
                next = frame.timestamp + interval - 20_000;
                ByteBuffer source = (ByteBuffer) frame.image[0];
                ByteBuffer copy = ByteBuffer.allocateDirect(source.remaining());
                copy.put(source.duplicate()).flip();
                footage.add(new VideoFrame(frame.imageWidth, frame.imageHeight, frame.imageStride,
                        wanted.pixelFormat(), copy, Instant.parse("2026-12-01T10:00:00Z").toEpochMilli() * 1000
                                + frame.timestamp));
            }
        }
    }

    @Test
    void describesItself() {
        assertTrue(module.id() != null && module.id().matches("[a-z0-9][a-z0-9-]{0,31}"),
                "id: 1–32 lower-case letters, digits or '-': " + module.id());
        assertTrue(module.label() != null && !module.label().isBlank(), "a label for the operators");
        FrameRequirements wanted = module.requirements();
        assertNotNull(wanted, "requirements");
        assertTrue(wanted.maxFps() > 0 && wanted.maxFps() <= 30, "maxFps in (0, 30]: " + wanted.maxFps());
        assertTrue(wanted.maxWidth() >= 16 && wanted.maxWidth() <= 3840, "maxWidth 16–3840: " + wanted.maxWidth());
        assertNotNull(wanted.pixelFormat(), "pixel format");
        assertFalse(module.personalData() == null || module.personalData().isEmpty(),
                "the personal data it processes (NONE when none): the legal gate reads it");
        Set<String> events = module.eventTypes();
        assertNotNull(events);
        events.forEach(type -> assertTrue(type.matches("[a-z0-9][a-z0-9.-]{0,31}"), "event type " + type));
    }

    @Test
    void itsDefaultsAreValidAndABadConfigurationNamesTheField() {
        assertDoesNotThrow(() -> module.validate(Map.of()), "the defaults");
        assertDoesNotThrow(() -> module.validate(validConfig()), "the valid configuration");
        Map<String, Object> invalid = invalidConfig();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> module.validate(invalid));
        assertTrue(refused.getMessage() != null && refused.getMessage().startsWith("config."),
                "the problem names the field as config.<field>: " + refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> module.create("conformance", invalid).close(),
                "create refuses it too");
    }

    @Test
    void analysesRealFootageAndFindsOnlyValidDetections() {
        assertFalse(footage.isEmpty(), "frames of " + CLIP);
        List<Detection> found = new ArrayList<>();
        long cpu = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (FrameAnalyzer analyzer = module.create("conformance", validConfig())) {
            for (VideoFrame frame : footage) {
                long before = threads.getCurrentThreadCpuTime();
                List<Detection> detections = analyzer.analyze(frame);
                cpu += threads.getCurrentThreadCpuTime() - before;
                assertNotNull(detections, "a list, empty when nothing was found");
                found.addAll(detections);
            }
        }
        cpuMillisPerFrame = cpu / 1e6 / footage.size();
        for (Detection detection : found) {
            assertTrue(detection.type() != null && detection.type().matches("[a-z0-9][a-z0-9.-]{0,31}"),
                    "type: " + detection.type());
            assertTrue(detection.confidence() >= 0 && detection.confidence() <= 1, "confidence 0..1: " + detection);
            double slack = 1e-6;
            assertTrue(detection.x() >= -slack && detection.y() >= -slack && detection.width() >= 0
                    && detection.height() >= 0 && detection.x() + detection.width() <= 1 + slack
                    && detection.y() + detection.height() <= 1 + slack, "a box inside the picture: " + detection);
        }
    }

    @Test
    void garbageOddSizesAndAWrongLayoutAreAClearErrorOrAnAnswer() {
        PixelFormat wanted = module.requirements().pixelFormat();
        PixelFormat other = wanted == PixelFormat.GRAY8 ? PixelFormat.BGR24 : PixelFormat.GRAY8;
        int bytes = wanted == PixelFormat.GRAY8 ? 1 : 3;
        Random random = new Random(151);
        List<VideoFrame> odd = new ArrayList<>();
        try (FrameAnalyzer analyzer = module.create("conformance", validConfig())) {
            long at = 1_000_000;
            for (int[] size : new int[][] {{1, 1}, {17, 13}, {97, 61}, {640, 2}, {2, 480}, {320, 240}, {320, 240}}) {
                byte[] pixels = new byte[size[0] * size[1] * bytes];
                random.nextBytes(pixels);
                ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length).put(pixels).flip();
                odd.add(new VideoFrame(size[0], size[1], size[0] * bytes, wanted, buffer, at += 200_000));
            }
            odd.add(new VideoFrame(320, 240, 320 * bytes, wanted, ByteBuffer.allocateDirect(100), at += 200_000));
            odd.add(new VideoFrame(320, 240, 320 * (other == PixelFormat.GRAY8 ? 1 : 3), other,
                    ByteBuffer.allocateDirect(320 * 240 * 3), at += 200_000));
            for (VideoFrame frame : odd) {
                try {
                    assertNotNull(analyzer.analyze(frame));
                } catch (IllegalArgumentException clear) {
                    assertNotNull(clear.getMessage(), "an error that says what is wrong");
                }
            }
            // and it still works on real footage afterwards
            assertNotNull(analyzer.analyze(footage.get(0)));
        }
    }

    @Test
    void closingLeavesNoThreadAndNoNativeMemory() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // a first round loads what stays loaded (native libraries, caches)
        for (int round = 0; round < 2; round++) {
            use();
        }
        System.gc();
        Thread.sleep(200);
        long held = Pointer.totalBytes();
        for (int round = 0; round < 20; round++) {
            use();
        }
        System.gc();
        Thread.sleep(200);
        long grown = Pointer.totalBytes() - held;
        assertTrue(grown < 8L << 20, "native memory held after 20 analyzers were closed: " + (grown >> 10) + " KiB");
        List<String> leaked = LeakedThreads.since(before, Duration.ofSeconds(5));
        assertTrue(leaked.isEmpty(), "threads left running: " + leaked);
    }

    private void use() {
        try (FrameAnalyzer analyzer = module.create("conformance", validConfig())) {
            for (VideoFrame frame : footage.subList(0, Math.min(5, footage.size()))) {
                analyzer.analyze(frame);
            }
        }
    }

    @AfterAll
    void writeReport() throws Exception {
        String checks = report.checks();
        report.write("analytics-" + module.id() + ".json", "{\n  \"module\": \""
                + ConformanceReport.json(module.id()) + "\",\n"
                + "  \"kit\": \"uitkijk-analytics-conformance 1\",\n  \"at\": \"" + Instant.now() + "\",\n"
                + "  \"personalData\": \"" + module.personalData().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")) + "\",\n"
                + "  \"measured\": {\"cpuMillisPerFrame\": " + String.format(java.util.Locale.ROOT, "%.2f",
                        cpuMillisPerFrame) + "},\n  \"passed\": " + report.passed() + ",\n"
                + "  \"checks\": [\n" + checks + "\n  ]\n}\n");
    }

    @Override
    public ConformanceReport report() {
        return report;
    }
}
