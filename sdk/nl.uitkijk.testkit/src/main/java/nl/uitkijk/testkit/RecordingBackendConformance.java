package nl.uitkijk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.recording.RecordingBackend.NoFootageException;
import nl.uitkijk.api.recording.RecordingBackend;
import nl.uitkijk.api.recording.RecordingSink;
import nl.uitkijk.api.recording.TimeRange;
import nl.uitkijk.api.recording.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit for recording backends: a backend's own test extends this class and says how to start and stop
 * it; it inherits the checks every Uitkijk recorder must pass, fed with the packets of the real CCTV clip (H.264, 10
 * fps) as a camera delivers them:
 * <ul>
 * <li>footage written through a sink is on the camera's timeline once the sink is closed;</li>
 * <li>an export is one file that Debian's ffmpeg decodes without an error, and its SHA-256 is that of the bytes;</li>
 * <li>an export of a range without footage says so ({@link NoFootageException});</li>
 * <li>two cameras' footage is kept apart;</li>
 * <li>deleting before a cutoff keeps what a legal hold covers;</li>
 * <li>the backend names its cameras and their oldest footage.</li>
 * </ul>
 * It measures the bytes stored per second of video against the camera's own bitrate, and the time writing takes per
 * second of video. The result is written to {@code target/conformance/recorder-<name>.json} for procurement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConformanceReport.Watcher.class)
public abstract class RecordingBackendConformance implements ConformanceReport.Kit {

    /** The clip's format, as the media hub announces it. */
    protected static final MediaFormat FORMAT = ClipPackets.FORMAT;
    private static final int SECONDS = 12;

    private final ConformanceReport report = new ConformanceReport();
    private final List<String> measured = new ArrayList<>();
    private RecordingBackend backend;
    private List<MediaPacket> clip;
    private Instant start;

    @TempDir
    Path work;

    /** The backend's name, for the report ({@code segment}). */
    protected abstract String name();

    /** Starts the backend to test, with its storage under {@code folder}. */
    protected abstract RecordingBackend startBackend(Path folder) throws Exception;

    /** Stops it as Declarative Services would. */
    protected abstract void stopBackend(RecordingBackend backend) throws Exception;

    @Override
    public ConformanceReport report() {
        return report;
    }

    @BeforeAll
    void start() throws Exception {
        clip = ClipPackets.read(Files.createTempDirectory("uitkijk-recorder-kit"), SECONDS * 10, 0);
        backend = startBackend(Files.createTempDirectory("uitkijk-recorder-kit-storage"));
        start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        long inputBytes = clip.stream().mapToLong(p -> p.data().length).sum();
        long began = System.nanoTime();
        record("kit-a", start);
        double writeMillis = (System.nanoTime() - began) / 1e6;
        record("kit-b", start.plusSeconds(600));
        measured.add("\"inputBytesPerSecond\": " + inputBytes / SECONDS);
        measured.add("\"storedBytesPerSecond\": " + backend.usedBytes() / (2 * SECONDS));
        measured.add(String.format(Locale.ROOT, "\"writeMillisPerVideoSecond\": %.2f", writeMillis / SECONDS));
    }

    @AfterAll
    void writeReport() throws Exception {
        if (backend != null) {
            stopBackend(backend);
        }
        report.write("recorder-" + name() + ".json", "{\n  \"recorder\": \"" + ConformanceReport.json(name()) + "\",\n"
                + "  \"kit\": \"uitkijk-recorder-conformance 1\",\n  \"at\": \"" + Instant.now() + "\",\n"
                + "  \"passed\": " + report.passed() + ",\n  \"measured\": {" + String.join(", ", measured) + "},\n"
                + "  \"checks\": [\n" + report.checks() + "\n  ]\n}\n");
    }

    /** The clip's packets, stamped from the camera's wall clock {@code at}, through one sink that is then closed. */
    private void record(String camera, Instant at) {
        long wall = at.getEpochSecond() * 1_000_000L;
        try (RecordingSink sink = backend.open(camera)) {
            sink.format(FORMAT);
            for (MediaPacket packet : clip) {
                sink.packet(new MediaPacket(packet.ptsMicros(), packet.dtsMicros(), packet.keyframe(), packet.data(),
                        wall + packet.ptsMicros()));
            }
        }
    }

    private TimeRange around(Instant at) {
        return new TimeRange(at.minusSeconds(5), at.plusSeconds(SECONDS + 5));
    }

    private static long covered(Timeline timeline) {
        return timeline.ranges().stream().mapToLong(r -> Duration.between(r.start(), r.end()).toMillis()).sum();
    }

    @Test
    @Order(1)
    void footageWrittenThroughASinkIsOnTheTimeline() throws Exception {
        Timeline timeline = backend.timeline("kit-a", around(start));
        assertTrue(covered(timeline) >= (SECONDS - 2) * 1000L, "at least " + (SECONDS - 2) + " s of the "
                + SECONDS + " s fed are on the timeline: " + timeline);
        assertFalse(timeline.ranges().get(0).start().isBefore(start.minusSeconds(1)), "at the camera's time");
    }

    @Test
    @Order(2)
    void anExportIsOnePlayableFileWhoseSha256IsThatOfItsBytes() throws Exception {
        Path file = work.resolve("export.mp4");
        var result = backend.exportTo("kit-a", around(start), file);
        assertEquals(Files.size(file), result.bytes());
        assertEquals(sha256(file), result.sha256());
        Ffprobe probe = Ffprobe.of(file);
        assertEquals("h264", probe.codec(), "without transcoding");
        assertEquals(768, probe.width());
        assertEquals("", probe.errors(), "ffmpeg decodes every frame without an error");
        assertTrue(probe.seconds() >= SECONDS - 2, probe.toString());
    }

    @Test
    @Order(3)
    void anExportOfARangeWithoutFootageSaysSo() {
        assertThrows(NoFootageException.class, () -> backend.exportTo("kit-a", new TimeRange(start.minusSeconds(3600),
                start.minusSeconds(3000)), work.resolve("nothing.mp4")));
        assertThrows(NoFootageException.class, () -> backend.exportTo("no-such-camera", around(start),
                work.resolve("nobody.mp4")));
    }

    @Test
    @Order(4)
    void twoCamerasFootageIsKeptApart() throws Exception {
        assertEquals(0, covered(backend.timeline("kit-a", around(start.plusSeconds(600)))), "A was not recorded then");
        assertTrue(covered(backend.timeline("kit-b", around(start.plusSeconds(600)))) > 0);
        assertEquals(0, covered(backend.timeline("kit-b", around(start))), "B was not recorded then");
    }

    @Test
    @Order(5)
    void theBackendNamesItsCamerasAndTheirOldestFootage() {
        assertTrue(backend.cameras().containsAll(List.of("kit-a", "kit-b")), backend.cameras().toString());
        Instant oldest = backend.oldest("kit-a").orElseThrow();
        assertTrue(!oldest.isBefore(start.minusSeconds(1)) && oldest.isBefore(start.plusSeconds(5)), oldest.toString());
        assertTrue(backend.usedBytes() > 0);
    }

    /** Last: it deletes footage the other checks read. */
    @Test
    @Order(6)
    void deletingBeforeACutoffKeepsWhatAHoldCovers() throws Exception {
        TimeRange held = new TimeRange(start.plusSeconds(4), start.plusSeconds(6));
        long deleted = backend.deleteBefore("kit-a", start.plusSeconds(3600), List.of(held));
        assertTrue(deleted > 0, "bytes deleted");
        Timeline left = backend.timeline("kit-a", around(start));
        assertTrue(left.ranges().stream().anyMatch(r -> !r.start().isAfter(held.start()) && !r.end().isBefore(held
                .end())), "the held seconds are still there: " + left);
        assertTrue(covered(left) < SECONDS * 1000L, "the rest is gone: " + left);
        assertTrue(covered(backend.timeline("kit-b", around(start.plusSeconds(600)))) > 0,
                "another camera's footage is untouched");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
