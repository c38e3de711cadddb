package nl.uitkijk.recorder.segment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.testkit.ClipPackets;
import nl.uitkijk.api.recording.ExportResult;
import nl.uitkijk.api.recording.RecordingBackend.NoFootageException;
import nl.uitkijk.api.recording.RecordingPolicy;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline;
import nl.uitkijk.recorder.segment.internal.SegmentIndex.Segment;
import nl.uitkijk.testkit.Ffprobe;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording real CCTV packets into segments, checked with Debian's ffprobe, not only with our own code. */
class SegmentRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path folder;
    private EmbeddedDataSource dataSource;
    private SegmentIndex index;
    private Path root;
    private final List<String> trouble = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        index = new SegmentIndex(dataSource);
        root = Files.createDirectories(folder.resolve("recordings"));
    }

    @AfterEach
    void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dataSource.getDatabaseName());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (java.sql.SQLException expected) {
            // Derby answers a shutdown with an exception.
        }
    }

    private CameraRecorder recorder() {
        return new CameraRecorder("markt", root, index, Duration.ofSeconds(4), () -> "camera unreachable",
                trouble::add);
    }

    /** Records the first {@code packets} pictures of the real clip, from T0 on, and closes the recorder. */
    private void recordClip(int packets) throws Exception {
        CameraRecorder recorder = recorder();
        recorder.format(ClipPackets.FORMAT);
        ClipPackets.read(folder, packets, micros(T0)).forEach(recorder::packet);
        recorder.close();
    }

    private static long micros(Instant at) {
        return SegmentIndex.micros(at);
    }

    @Test
    void thirtySecondsBecomeSegmentsOfTheSameCodecAndSizeWithoutLoss() throws Exception {
        recordClip(300);

        List<Segment> segments = index.allSegments("markt");
        assertTrue(segments.size() >= 6, "segments of about 4 s: " + segments.size());
        double total = 0;
        for (Segment segment : segments) {
            Path file = root.resolve(segment.path());
            assertEquals(segment.sha256(), CameraRecorder.sha256(file));
            assertEquals(segment.bytes(), Files.size(file));
            Ffprobe probe = Ffprobe.of(file);
            assertEquals("h264", probe.codec());
            assertEquals(768, probe.width());
            assertEquals(576, probe.height());
            assertEquals("", probe.errors(), "decodes without errors");
            total += probe.seconds();
        }
        assertTrue(total >= 28, "footage: " + total + " s of 30");
        Timeline timeline = new SegmentStore(index, root).timeline("markt", new TimeRange(T0.minusSeconds(60), T0.plusSeconds(60)));
        assertEquals(1, timeline.ranges().size(), "one unbroken range: " + timeline.ranges());
        assertEquals(T0, timeline.ranges().get(0).start());
        assertTrue(timeline.gaps().isEmpty());
        try (var files = Files.walk(root)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(CameraRecorder.PART)), "no unfinished files");
        }
    }

    /** An H.265 camera is recorded as it sends (no transcoding): segments ffmpeg decodes as HEVC, and an export. */
    @Test
    void anH265CameraIsRecordedAndExportedWithoutTranscoding() throws Exception {
        CameraRecorder recorder = recorder();
        recorder.format(ClipPackets.HEVC_FORMAT);
        ClipPackets.readHevc(folder, 120, micros(T0)).forEach(recorder::packet);
        recorder.close();

        List<Segment> segments = index.allSegments("markt");
        assertTrue(segments.size() >= 2, "segments of about 4 s: " + segments.size());
        double total = 0;
        for (Segment segment : segments) {
            Ffprobe probe = Ffprobe.of(root.resolve(segment.path()));
            assertEquals("hevc", probe.codec());
            assertEquals(768, probe.width());
            assertEquals("", probe.errors(), "decodes without errors");
            total += probe.seconds();
        }
        assertTrue(total >= 11, "footage: " + total + " s of 12");
        TimeRange range = new TimeRange(T0.plusSeconds(2), T0.plusSeconds(9));
        Path export = folder.resolve("export-hevc.mp4");
        assertTrue(SegmentExporter.export(root, index.segments("markt", range), range, export));
        Ffprobe exported = Ffprobe.of(export);
        assertEquals("hevc", exported.codec());
        assertEquals("", exported.errors());
    }

    @Test
    void aPauseInTheStreamIsAGapWithItsReason() throws Exception {
        List<MediaPacket> packets = ClipPackets.read(folder, 200, micros(T0));
        CameraRecorder recorder = recorder();
        recorder.format(ClipPackets.FORMAT);
        long pause = 10_000_000; // the camera is away for ten seconds after packet 100
        for (int i = 0; i < packets.size(); i++) {
            MediaPacket p = packets.get(i);
            if (i == 100) {
                recorder.format(ClipPackets.FORMAT); // the hub announces the reconnected stream
            }
            long shift = i >= 100 ? pause : 0;
            recorder.packet(new MediaPacket(p.ptsMicros() + shift, p.dtsMicros() + shift, p.keyframe(), p.data(),
                    p.wallClockMicros() + shift));
        }
        recorder.close();
        Timeline timeline = new SegmentStore(index, root).timeline("markt", new TimeRange(T0, T0.plusSeconds(60)));
        assertEquals(2, timeline.ranges().size(), timeline.toString());
        assertEquals(1, timeline.gaps().size());
        Timeline.Gap gap = timeline.gaps().get(0);
        assertEquals("camera unreachable", gap.reason());
        double seconds = Duration.between(gap.range().start(), gap.range().end()).toMillis() / 1000.0;
        assertTrue(seconds >= 9 && seconds <= 13, "gap of " + seconds + " s");
    }

    @Test
    void eventModeKeepsThePreEventBufferAndThePostEventTimeOnly() throws Exception {
        List<MediaPacket> packets = ClipPackets.read(folder, 300, micros(T0));
        CameraRecorder recorder = recorder();
        recorder.policy(new RecordingPolicy(RecordingPolicy.Mode.EVENT, Duration.ofSeconds(5),
                Duration.ofSeconds(5)));
        recorder.format(ClipPackets.FORMAT);
        for (int i = 0; i < packets.size(); i++) {
            if (i == 150) {
                recorder.trigger(T0.plusSeconds(15)); // motion at 15 s
            }
            recorder.packet(packets.get(i));
        }
        recorder.close();
        Timeline timeline = new SegmentStore(index, root).timeline("markt",
                new TimeRange(T0.minusSeconds(60), T0.plusSeconds(60)));
        assertEquals(1, timeline.ranges().size(), timeline.toString());
        TimeRange kept = timeline.ranges().get(0);
        double from = Duration.between(T0, kept.start()).toMillis() / 1000.0;
        double to = Duration.between(T0, kept.end()).toMillis() / 1000.0;
        assertTrue(from >= 8 && from <= 10, "starts at the keyframe at least 5 s before the event: " + from);
        assertTrue(to >= 20 && to <= 20.2, "ends 5 s after the event: " + to);
        assertTrue(timeline.gaps().isEmpty(), "quiet time in event mode is no gap");
    }

    @Test
    void anExportIsOnePlayableFileWithItsHash() throws Exception {
        recordClip(200);

        TimeRange range = new TimeRange(T0.plusSeconds(5), T0.plusSeconds(15));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Segment> segments = index.segments("markt", range);
        Path target = folder.resolve("export.mp4");
        assertTrue(SegmentExporter.export(root, segments, range, target));
        byte[] bytes = Files.readAllBytes(target);
        out.write(bytes);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        ExportResult result = new ExportResult(bytes.length, sha);
        assertEquals(64, result.sha256().length());
        Ffprobe probe = Ffprobe.of(target);
        assertEquals("", probe.errors());
        assertEquals(768, probe.width());
        assertTrue(probe.seconds() >= 10 && probe.seconds() <= 12.5,
                "10 s asked, from the keyframe before: " + probe.seconds());
        assertFalse(SegmentExporter.export(root, List.of(), range, folder.resolve("none.mp4")));
    }

    @Test
    void recoveryMakesIndexAndFilesAgreeAfterACrash() throws Exception {
        List<MediaPacket> packets = ClipPackets.read(folder, 150, micros(T0));
        CameraRecorder recorder = recorder();
        recorder.format(ClipPackets.FORMAT);
        packets.forEach(recorder::packet); // no close: as if the process died mid-segment
        List<Segment> before = index.allSegments("markt");
        Files.delete(root.resolve(before.get(0).path()));
        long parts;
        try (var files = Files.walk(root)) {
            parts = files.filter(p -> p.toString().endsWith(CameraRecorder.PART)).count();
        }
        assertEquals(1, parts, "the unfinished segment");

        new StorageRecovery(root, index).run();
        List<Segment> after = index.allSegments("markt");
        assertEquals(before.size() - 1, after.size(), "the row of the missing file is gone");
        for (Segment segment : after) {
            assertTrue(Files.exists(root.resolve(segment.path())));
        }
        try (var files = Files.walk(root)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(CameraRecorder.PART)));
        }
    }

    @Test
    void retentionDeletesWhatIsOlderThanTheCutoffExceptHeldRanges() throws Exception {
        recordClip(300);
        List<Segment> all = index.allSegments("markt");
        Segment held = all.get(1);
        Instant cutoff = T0.plusSeconds(20);

        SegmentStore backend = new SegmentStore(index, root);
        long deleted = backend.deleteBefore("markt", cutoff, List.of(new TimeRange(held.start().plusMillis(500),
                held.start().plusMillis(600))));
        assertTrue(deleted > 0);
        for (Segment segment : index.allSegments("markt")) {
            assertTrue(segment.end().isAfter(cutoff) || segment.id() == held.id(), "left: " + segment);
        }
        assertTrue(Files.exists(root.resolve(held.path())), "the held segment stays");
        for (Segment segment : all) {
            boolean kept = segment.end().isAfter(cutoff) || segment.id() == held.id();
            assertEquals(kept, Files.exists(root.resolve(segment.path())), segment.toString());
        }
    }

    @Test
    void aFullDiskIsAClearStatusLosesNothingRecordedAndRecordingResumesWhenThereIsRoom() throws Exception {
        Path small = Files.createDirectories(folder.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        nl.uitkijk.testkit.TestData.skipUnless(mount.waitFor() == 0, "cannot mount a 3 MB tmpfs to fill (needs root or "
                + "CAP_SYS_ADMIN, as .ci/run has): " + said);
        try {
            root = small;
            List<MediaPacket> packets = ClipPackets.read(folder, 300, micros(T0));
            CameraRecorder recorder = recorder();
            recorder.format(ClipPackets.FORMAT);
            packets.subList(0, 100).forEach(recorder::packet);
            recorder.closeIfIdle(Duration.ZERO);
            List<Segment> before = index.allSegments("markt");
            assertFalse(before.isEmpty());

            Path filler = small.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full now
            }
            packets.subList(100, 200).forEach(recorder::packet);
            assertTrue(recorder.lastError().startsWith("the recording storage is full"), recorder.lastError());
            assertEquals(before, index.allSegments("markt"), "nothing new in the index, nothing lost from it");
            for (Segment segment : before) {
                Path file = root.resolve(segment.path());
                assertEquals(segment.sha256(), CameraRecorder.sha256(file), "unchanged: " + file);
                assertEquals("", Ffprobe.of(file).errors());
            }
            try (var files = Files.walk(small)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(CameraRecorder.PART)),
                        "a segment that could not be written is not left behind half");
            }

            Files.delete(filler); // room again (retention's low-disk watermark does this in the product)
            packets.subList(200, 300).forEach(recorder::packet);
            recorder.close();
            assertEquals("", recorder.lastError(), "recording resumed");
            assertTrue(index.allSegments("markt").size() > before.size());
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    @Test
    void exportOfAnEmptyRangeSaysSo() {
        SegmentStore backend = new SegmentStore(index, root);
        assertThrows(NoFootageException.class, () -> backend.export("markt",
                new TimeRange(T0, T0.plusSeconds(5)), new ByteArrayOutputStream()));
    }

    /** A data source that refuses every connection while the database is "down". */
    private javax.sql.DataSource flaky(java.util.concurrent.atomic.AtomicBoolean down) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { javax.sql.DataSource.class }, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new java.sql.SQLException("the database is unavailable");
                    }
                    try {
                        return method.invoke(dataSource, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aDatabaseErrorNeverDeletesFootageWhichIsIndexedWhenTheDatabaseIsBack() throws Exception {
        recordClip(50); // creates the tables
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(false);
        SegmentIndex unreliable = new SegmentIndex(flaky(down));
        down.set(true);
        int indexedBefore = index.allSegments("markt").size();
        CameraRecorder recorder = new CameraRecorder("markt", root, unreliable, Duration.ofSeconds(4),
                () -> "camera unreachable", trouble::add);
        recorder.format(ClipPackets.FORMAT);
        ClipPackets.read(folder, 200, micros(T0.plusSeconds(60))).forEach(recorder::packet);
        recorder.close();
        assertTrue(recorder.lastError().contains("the database refused"), recorder.lastError());
        assertEquals(1, trouble.size(), "one alarm for the episode, not one per segment: " + trouble);
        List<Path> kept;
        try (var files = Files.walk(root)) {
            kept = files.filter(p -> p.toString().endsWith(".mp4")).toList();
        }
        long waiting;
        try (var files = Files.walk(root)) {
            waiting = files.filter(p -> p.toString().endsWith(PendingSegments.SUFFIX)).count();
        }
        assertTrue(waiting >= 4, "20 s of footage waits for its index rows: " + waiting);
        assertEquals(indexedBefore + waiting, kept.size(), "every segment is on disk");

        assertEquals(0, PendingSegments.indexWaiting(root, unreliable), "still down: nothing lost, nothing indexed");
        down.set(false);
        assertEquals(waiting, PendingSegments.indexWaiting(root, unreliable));
        List<Segment> indexed = index.allSegments("markt");
        assertEquals(kept.size(), indexed.size());
        for (Segment segment : indexed) {
            assertEquals(segment.sha256(), CameraRecorder.sha256(root.resolve(segment.path())));
        }
        Timeline timeline = new SegmentStore(index, root).timeline("markt", new TimeRange(T0.plusSeconds(60),
                T0.plusSeconds(80)));
        assertEquals(1, timeline.ranges().size(), "the footage written while the database was down plays");
    }

    @Test
    void aPendingRowWhoseSegmentWasNotYetRenamedIsRecoveredAtStartUp() throws Exception {
        recordClip(50);
        int segments = index.allSegments("markt").size();
        Segment segment = index.allSegments("markt").get(0);
        Path file = root.resolve(segment.path());
        index.deleteSegment(segment.id());
        PendingSegments.keep(root, new SegmentIndex.Row("markt", segment.start(), segment.end(), segment.bytes(),
                segment.sha256(), segment.path()));
        Files.move(file, file.resolveSibling(file.getFileName() + CameraRecorder.PART)); // a crash before the rename
        new StorageRecovery(root, index).run();
        assertTrue(Files.exists(file), "finished, not discarded as unfinished");
        assertEquals(segments, index.allSegments("markt").size());
        assertTrue(index.allSegments("markt").stream().anyMatch(s -> s.path().equals(segment.path())));
    }

    /** Writer threads that run nothing until released: as when they hang in a stalled disk. */
    private static final class StalledWriters implements java.util.concurrent.Executor {
        private final List<Runnable> waiting = new java.util.ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            waiting.add(task);
        }

        /** The disk answers again. */
        void release() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    if (waiting.isEmpty()) {
                        return;
                    }
                    task = waiting.remove(0);
                }
                task.run();
            }
        }
    }

    @Test
    void aStalledDiskNeverHoldsTheHubsThreadAndTheGapItCausesIsWrittenDownAndReported() throws Exception {
        List<MediaPacket> packets = ClipPackets.read(folder, 400, micros(T0));
        StalledWriters writers = new StalledWriters();
        List<String> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
        CameraRecorder recorder = recorder();
        long budget = packets.subList(0, 100).stream().mapToLong(p -> p.data().length).sum();
        WriteQueue queue = new WriteQueue("markt", recorder, writers, alarms::add, budget);
        queue.format(ClipPackets.FORMAT);
        // the hub's dispatch thread hands on 300 packets (30 s) while nothing gets written: none of them waits
        packets.subList(0, 300).forEach(queue::packet);
        assertTrue(queue.dropped() > 100, "beyond the budget packets are dropped, counted: " + queue.dropped());
        assertEquals(1, alarms.size(), "and reported once: " + alarms);
        assertTrue(alarms.get(0).contains("writing fell behind"), alarms.get(0));
        assertTrue(index.allSegments("markt").isEmpty(), "nothing written while the disk hangs");

        writers.release(); // the disk answers: what was queued is written, then recording goes on
        packets.subList(300, 400).forEach(queue::packet);
        queue.close();
        writers.release();
        Timeline timeline = new SegmentStore(index, root).timeline("markt", new TimeRange(T0, T0.plusSeconds(60)));
        assertEquals(2, timeline.ranges().size(), "recorded before and after: " + timeline);
        assertEquals(1, timeline.gaps().size(), timeline.toString());
        assertTrue(timeline.gaps().get(0).reason().contains("writing fell behind"), timeline.gaps().get(0).reason());
    }

    @Test
    void theIntegrityCheckFindsAlteredMissingAndUnknownFootage() throws Exception {
        recordClip(300);
        TimeRange all = new TimeRange(T0, T0.plusSeconds(60));
        IntegrityCheck check = new IntegrityCheck(root, index, 0);
        nl.uitkijk.api.recording.IntegrityReport intact = check.verify("markt", all);
        assertTrue(intact.intact(), intact.problems().toString());
        assertEquals(index.allSegments("markt").size(), intact.segmentsChecked());

        List<Segment> segments = index.allSegments("markt");
        Path altered = root.resolve(segments.get(1).path());
        byte[] bytes = Files.readAllBytes(altered);
        bytes[bytes.length / 2] ^= 0x01; // one bit, as a failing disk or a forger would
        Files.write(altered, bytes);
        Files.delete(root.resolve(segments.get(2).path()));
        Path stray = root.resolve(segments.get(0).path()).resolveSibling(micros(T0.plusSeconds(45)) + ".mp4");
        Files.write(stray, new byte[] { 1, 2, 3 });

        List<String> problems = check.verify("markt", all).problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("SHA-256") && problems.get(0).contains("altered"), problems.get(0));
        assertTrue(problems.get(1).contains("missing on disk"), problems.get(1));
        assertTrue(problems.get(2).contains("not in the index"), problems.get(2));
    }

    @Test
    void theLastOfTheStorageIsKeptForTheDatabaseAndTheAuditTrail() throws Exception {
        CameraRecorder recorder = new CameraRecorder("markt", root, index, Duration.ofSeconds(4),
                () -> "camera unreachable", trouble::add, Long.MAX_VALUE);
        recorder.format(ClipPackets.FORMAT);
        ClipPackets.read(folder, 50, micros(T0)).forEach(recorder::packet);
        recorder.close();
        assertTrue(recorder.lastError().contains("kept for the database and the audit trail"), recorder.lastError());
        assertTrue(index.allSegments("markt").isEmpty());
        assertEquals(1, trouble.size(), "an alarm, once");
    }
}
