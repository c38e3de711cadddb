package nl.uitkijk.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.uitkijk.api.analytics.AnalyticsModule;
import nl.uitkijk.api.analytics.AnalyticsPolicies.State;
import nl.uitkijk.api.analytics.Detection;
import nl.uitkijk.api.analytics.FrameAnalyzer;
import nl.uitkijk.api.analytics.FrameRequirements;
import nl.uitkijk.api.analytics.PersonalData;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.Test;

/**
 * One camera's analytics on the real CCTV clip (768×576, 10 fps, 79.5 s): one decode shared by modules that ask for
 * different rates, sizes and layouts; episodes with snapshots; a module that throws stopped alone; a slow module
 * costing dropped frames (counted), never a blocked caller. The modules here are small test modules; the real ones
 * are tested in their bundles and in Karaf.
 */
class CameraAnalyticsTest {

    /** What the camera's analytics reported. */
    static final class Collected implements CameraAnalytics.Results {
        final List<DetectionSampler.Sample> samples = new CopyOnWriteArrayList<>();
        final List<String> opened = new CopyOnWriteArrayList<>();
        final List<UUID> closed = new CopyOnWriteArrayList<>();
        final List<byte[]> snapshots = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();

        @Override
        public void samples(String cameraId, ModuleRun run, List<DetectionSampler.Sample> done) {
            samples.addAll(done);
        }

        @Override
        public UUID opened(String cameraId, ModuleRun run, String type, long atMicros) {
            opened.add(run.moduleId() + ":" + type);
            return UUID.randomUUID();
        }

        @Override
        public void snapshot(UUID episode, byte[] jpeg) {
            snapshots.add(jpeg);
        }

        @Override
        public void closed(UUID episode, long atMicros) {
            closed.add(episode);
        }

        @Override
        public void ongoing(String cameraId, String type) {
        }

        @Override
        public void plate(String cameraId, ModuleRun run, Detection passage, long atMicros, byte[] jpeg) {
        }

        @Override
        public void failed(String cameraId, ModuleRun run, String reason) {
            failed.add(run.moduleId() + ": " + reason);
        }
    }

    /** A module of the test: what it wants, and what it does with each frame. */
    record TestModule(String id, FrameRequirements requirements, Function<VideoFrame, List<Detection>> analysis,
            List<VideoFrame> seen) implements AnalyticsModule {

        TestModule(String id, FrameRequirements requirements, Function<VideoFrame, List<Detection>> analysis) {
            this(id, requirements, analysis, new CopyOnWriteArrayList<>());
        }

        @Override
        public String label() {
            return id;
        }

        @Override
        public Set<PersonalData> personalData() {
            return Set.of(PersonalData.NONE);
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of("thing");
        }

        @Override
        public FrameAnalyzer create(String cameraId, Map<String, Object> config) {
            return new FrameAnalyzer() {
                @Override
                public List<Detection> analyze(VideoFrame frame) {
                    seen.add(new VideoFrame(frame.width(), frame.height(), frame.stride(), frame.pixelFormat(), null,
                            frame.timestampMicros()));
                    return analysis.apply(frame);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static ModuleRun run(AnalyticsModule module) {
        return new ModuleRun(module, new AnalyticsStore.Policy("cam", module.id(), true, Map.of(), "MEDIUM", List.of(), "test",
                Instant.now()), 1_000_000);
    }

    private static void play(CameraAnalytics analytics) throws Exception {
        Path clip = TestData.require("video/opencv_vtest_h264.mp4");
        try (ClipPackets packets = new ClipPackets(clip)) {
            analytics.format(packets.format);
            packets.forEachPacket(analytics::packet);
        }
    }

    @Test
    void oneDecodeFeedsModulesAtTheirOwnRateSizeAndLayoutAndEpisodesComeWithASnapshot() throws Exception {
        Collected results = new Collected();
        // things come and go every 5 s of the clip: episodes
        TestModule gray = new TestModule("gray", new FrameRequirements(5, 320, PixelFormat.GRAY8),
                frame -> (frame.timestampMicros() / 5_000_000) % 2 == 0
                        ? List.of(new Detection("thing", 0.8, 0.1, 0.1, 0.2, 0.2, null)) : List.of());
        TestModule colour = new TestModule("colour", new FrameRequirements(2, 640, PixelFormat.BGR24),
                frame -> List.of());
        CameraAnalytics analytics = new CameraAnalytics("cam", "main", Runnable::run, 500, results);
        analytics.add(run(gray));
        analytics.add(run(colour));
        play(analytics);
        analytics.close();

        assertTrue(analytics.decoded() >= 790, "every picture decoded once: " + analytics.decoded());
        assertEquals(0, analytics.dropped());
        assertTrue(Math.abs(gray.seen().size() - 398) <= 3, "gray at 5 fps: " + gray.seen().size());
        assertTrue(Math.abs(colour.seen().size() - 160) <= 3, "colour at 2 fps: " + colour.seen().size());
        assertEquals(320, gray.seen().get(0).width());
        assertEquals(240, gray.seen().get(0).height());
        assertEquals(640, colour.seen().get(0).width());
        assertEquals(640 * 3, colour.seen().get(0).stride(), "BGR: three bytes a pixel");
        // the clip's 79.5 s: things in 0–5, 10–15, … 70–75 s: eight episodes, each ended, each with a JPEG
        assertEquals(8, results.opened.size(), results.opened.toString());
        assertEquals(8, results.closed.size());
        assertEquals(8, results.snapshots.size());
        byte[] jpeg = results.snapshots.get(0);
        assertTrue(jpeg.length > 10_000 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8, "a real JPEG");
        // at most one stored sample per second in which there was a thing
        assertTrue(results.samples.size() >= 38 && results.samples.size() <= 42, "samples: "
                + results.samples.size());
    }

    @Test
    void aModuleThatThrowsIsStoppedAloneAndTheOthersGoOn() throws Exception {
        Collected results = new Collected();
        int[] count = new int[1];
        TestModule faulty = new TestModule("faulty", new FrameRequirements(5, 160, PixelFormat.GRAY8), frame -> {
            if (++count[0] == 3) {
                throw new IllegalStateException("index out of range in the model");
            }
            return List.of();
        });
        TestModule steady = new TestModule("steady", new FrameRequirements(5, 160, PixelFormat.GRAY8),
                frame -> List.of());
        CameraAnalytics analytics = new CameraAnalytics("cam", "main", Runnable::run, 500, results);
        ModuleRun faultyRun = run(faulty);
        analytics.add(faultyRun);
        analytics.add(run(steady));
        play(analytics);
        analytics.close();

        assertEquals(State.FAILED, faultyRun.state);
        assertTrue(faultyRun.detail.contains("index out of range"), faultyRun.detail);
        assertEquals(1, results.failed.size(), results.failed.toString());
        assertEquals(3, faulty.seen().size(), "not fed after it threw");
        assertTrue(steady.seen().size() > 390, "the other module went on: " + steady.seen().size());
    }

    @Test
    void aSlowModuleCostsCountedFramesNeverABlockedCaller() throws Exception {
        Collected results = new Collected();
        TestModule slow = new TestModule("slow", new FrameRequirements(10, 160, PixelFormat.GRAY8), frame -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            CameraAnalytics analytics = new CameraAnalytics("cam", "main", worker, 20, results);
            analytics.add(run(slow));
            play(analytics); // as fast as the file reads: far faster than 20 ms a frame
            // the worker analyses what it kept; on a loaded machine it may not have begun when the file is read
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (slow.seen().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            analytics.close();
            worker.shutdown();
            assertTrue(worker.awaitTermination(60, TimeUnit.SECONDS));
            assertTrue(analytics.dropped() > 100, "dropped while the module was behind: " + analytics.dropped());
            assertTrue(slow.seen().size() > 0);
            assertTrue(analytics.decoded() + analytics.dropped() <= 800);
        } finally {
            worker.shutdownNow();
        }
    }
}
