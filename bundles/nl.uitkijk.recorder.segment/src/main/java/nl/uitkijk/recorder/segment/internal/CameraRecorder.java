package nl.uitkijk.recorder.segment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.recording.RecordingPolicy;
import nl.uitkijk.api.recording.RecordingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one camera: packets go unchanged into fragmented MP4 segments of about {@code segmentLength}, each cut at
 * a keyframe. A finished segment is hashed (SHA-256), indexed, and only then given its final name, so that after a
 * crash the index and the files agree and at most the unfinished segment ({@code .part}) is lost. A pause in the
 * stream longer than {@link #GAP} is written down as a gap with its reason.
 */
final class CameraRecorder implements RecordingSink {

    static final Duration GAP = Duration.ofSeconds(2);
    static final String PART = ".part";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(CameraRecorder.class);

    private final String cameraId;
    private final Path root;
    private final SegmentIndex index;
    private final long segmentMicros;
    private final Supplier<String> gapReason;
    private final Consumer<String> trouble;
    private final long reserveBytes;
    /** Why the next gap is there, when the recorder knows better than the stream (packets dropped, restarted). */
    private String knownGapReason;

    private RecordingPolicy policy = RecordingPolicy.DEFAULT;
    /** Event mode: packets since the last keyframe that is at least the pre-event time old. */
    private final ArrayDeque<MediaPacket> preEvent = new ArrayDeque<>();
    private long recordUntilMicros = Long.MIN_VALUE;
    private MediaFormat format;
    private boolean newFormat;
    private Fmp4SegmentWriter writer;
    private Path partFile;
    private Instant segmentStart;
    private long firstDts;
    private long lastDts;
    private long frameMicros = 100_000;
    private long lastPacketNanos;
    private volatile Instant lastEnd;
    private volatile String lastError = "";
    private volatile long segments;

    /**
     * @param gapReason why the stream paused, asked when a gap is written down
     * @param trouble told once per failure episode, in words for the operator (becomes an alarm)
     */
    CameraRecorder(String cameraId, Path root, SegmentIndex index, Duration segmentLength,
            Supplier<String> gapReason, Consumer<String> trouble) {
        this(cameraId, root, index, segmentLength, gapReason, trouble, 0);
    }

    /**
     * @param reserveBytes free space a new segment leaves on the storage (for the database and the audit trail when
     *            they share the volume: signing in must stay possible when footage fills it)
     */
    CameraRecorder(String cameraId, Path root, SegmentIndex index, Duration segmentLength,
            Supplier<String> gapReason, Consumer<String> trouble, long reserveBytes) {
        this.reserveBytes = reserveBytes;
        this.cameraId = cameraId;
        this.root = root;
        this.index = index;
        this.segmentMicros = segmentLength.toNanos() / 1_000;
        this.gapReason = gapReason;
        this.trouble = trouble;
    }

    /**
     * Footage is missing from here on for a reason the recorder knows (its writing fell behind, the subscription was
     * renewed): the open segment is closed now and the gap to the next one carries the reason.
     */
    synchronized void interrupted(String reason) {
        close();
        knownGapReason = reason;
    }

    @Override
    public synchronized void format(MediaFormat newFormatValue) {
        format = newFormatValue;
        newFormat = true;
        if (format.fps() > 0) {
            frameMicros = (long) (1_000_000 / format.fps());
        }
    }

    /** Follows a new policy; a switch to event mode ends the running segment at once. */
    synchronized void policy(RecordingPolicy newPolicy) {
        if (newPolicy.equals(policy)) {
            return;
        }
        policy = newPolicy;
        preEvent.clear();
        if (policy.mode() != RecordingPolicy.Mode.CONTINUOUS) {
            close();
            lastEnd = null; // a pause of a non-continuous mode is no gap
        }
    }

    /** An event at the camera: in event mode, record from the pre-event buffer until the post-event time passes. */
    synchronized void trigger(Instant at) {
        long until = SegmentIndex.micros(at.plus(policy.postEvent()));
        recordUntilMicros = Math.max(recordUntilMicros, until);
    }

    @Override
    public synchronized void packet(MediaPacket packet) {
        if (format == null) {
            return;
        }
        if (policy.mode() == RecordingPolicy.Mode.EVENT) {
            if (packet.wallClockMicros() > recordUntilMicros) {
                if (writer != null) {
                    close(); // the event is over
                }
                buffer(packet);
                return;
            }
            while (!preEvent.isEmpty()) {
                record(preEvent.pollFirst());
            }
        }
        record(packet);
    }

    /** Keeps the packets from the newest keyframe that lies at least the pre-event time back. */
    private void buffer(MediaPacket packet) {
        if (preEvent.isEmpty() && !packet.keyframe()) {
            return;
        }
        preEvent.addLast(packet);
        long horizon = packet.wallClockMicros() - policy.preEvent().toNanos() / 1_000;
        MediaPacket keep = null;
        for (MediaPacket buffered : preEvent) {
            if (buffered.wallClockMicros() > horizon) {
                break;
            }
            if (buffered.keyframe()) {
                keep = buffered;
            }
        }
        if (keep != null) {
            while (preEvent.peekFirst() != keep) {
                preEvent.pollFirst();
            }
        }
    }

    private void record(MediaPacket packet) {
        if (writer == null && !packet.keyframe()) {
            return;
        }
        lastPacketNanos = System.nanoTime();
        try {
            if (packet.keyframe() && (writer == null || newFormat || packet.dtsMicros() - firstDts >= segmentMicros
                    || packet.dtsMicros() < lastDts)) {
                finish();
                begin(packet);
            }
            if (writer != null) {
                writer.write(packet);
                lastDts = packet.dtsMicros();
            }
        } catch (IOException | SQLException e) {
            // Disk full, storage gone: this camera says so; the next keyframe tries again; other cameras go on.
            failed(reason(e));
            abandon();
        }
    }

    /** A failure, logged and told once per episode (a full disk fails at every keyframe). */
    private void failed(String reason) {
        if (!reason.equals(lastError)) {
            LOG.error("Recording of camera '{}' failed: {}", cameraId, reason);
            if (lastError.isEmpty()) {
                trouble.accept(reason);
            }
        }
        lastError = reason;
    }

    /** Closes the open segment when the stream has paused, so it is safe on disk and shows in the timeline. */
    synchronized void closeIfIdle(Duration idle) {
        if (writer != null && System.nanoTime() - lastPacketNanos > idle.toNanos()) {
            try {
                finish();
            } catch (IOException e) {
                failed(reason(e));
                abandon();
            }
        }
    }

    @Override
    public synchronized void ended(String reason) {
        close();
    }

    @Override
    public synchronized void close() {
        try {
            finish();
        } catch (IOException e) {
            LOG.error("Recording of camera '{}': the last segment is lost: {}", cameraId, e.getMessage());
            abandon();
        }
    }

    /** The failure in words for the operator: a full disk is the common case and must be obvious. */
    static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        boolean full = message.contains("No space left") || e instanceof java.nio.file.FileSystemException fs
                && String.valueOf(fs.getReason()).contains("No space left");
        // One sentence without the file name, so that it is logged once, not at every keyframe.
        return full ? "the recording storage is full (no space left on the device)" : message;
    }

    String lastError() {
        return lastError;
    }

    long segmentsWritten() {
        return segments;
    }

    /** Where the newest finished segment ends, or null. */
    Instant lastSegmentEnd() {
        return lastEnd;
    }

    private void begin(MediaPacket packet) throws IOException, SQLException {
        Instant start = SegmentIndex.instant(packet.wallClockMicros());
        if (lastEnd != null && segmentStart != null && packet.dtsMicros() > lastDts
                && packet.dtsMicros() - lastDts <= GAP.toNanos() / 1_000) {
            // The stream goes on: the camera's clock places this segment exactly after the previous one, where
            // arrival times jitter (packets are read in batches). Wall-clock time wins again if they drift apart.
            Instant continued = segmentStart.plusNanos((packet.dtsMicros() - firstDts) * 1_000);
            if (Duration.between(continued, start).abs().compareTo(Duration.ofSeconds(1)) < 0) {
                start = continued;
            }
        }
        if (policy.mode() == RecordingPolicy.Mode.CONTINUOUS && lastEnd != null
                && Duration.between(lastEnd, start).compareTo(GAP) > 0) {
            String reason = knownGapReason != null ? knownGapReason : gapReason.get();
            try {
                index.addGap(cameraId, lastEnd, start, reason);
            } catch (SQLException e) {
                // the footage matters more than the note of its absence: record on
                LOG.error("Camera '{}': the gap {} – {} ({}) could not be written down: {}", cameraId, lastEnd,
                        start, reason, e.getMessage());
            }
        }
        knownGapReason = null;
        byte[] extradata = format.extradata().length > 0 ? format.extradata()
                : AnnexB.parameterSets(packet.data(), "hevc".equals(format.codec()));
        if (extradata.length == 0) {
            throw new IOException("the stream carries no parameter sets (SPS/PPS) to record with");
        }
        if (reserveBytes > 0 && Files.getFileStore(root).getUsableSpace() < reserveBytes) {
            throw new IOException("the recording storage is full: its last " + reserveBytes / 1_000_000
                    + " MB are kept for the database and the audit trail (no space left on the device)");
        }
        Path folder = root.resolve(cameraId).resolve(DAY.format(start));
        Files.createDirectories(folder);
        partFile = folder.resolve(SegmentIndex.micros(start) + ".mp4" + PART);
        writer = new Fmp4SegmentWriter(partFile, format, extradata, packet.dtsMicros());
        segmentStart = start;
        firstDts = packet.dtsMicros();
        lastDts = firstDts;
        newFormat = false;
    }

    /**
     * Closes, hashes and indexes the open segment. When the database refuses the index row the footage is kept all
     * the same, with its row in a sidecar file ({@link PendingSegments}) that is indexed when the database is back:
     * a database error never deletes footage.
     */
    private void finish() throws IOException {
        if (writer == null) {
            return;
        }
        Fmp4SegmentWriter closing = writer;
        writer = null;
        closing.close();
        Instant end = segmentStart.plusNanos((lastDts - firstDts + frameMicros) * 1_000);
        Path file = partFile.resolveSibling(partFile.getFileName().toString().replace(PART, ""));
        long bytes = Files.size(partFile);
        String sha256 = sha256(partFile);
        SegmentIndex.Row row = new SegmentIndex.Row(cameraId, segmentStart, end, bytes, sha256,
                root.relativize(file).toString());
        try {
            index.addSegment(row);
        } catch (SQLException e) {
            PendingSegments.keep(root, row);
            Files.move(partFile, file, StandardCopyOption.ATOMIC_MOVE);
            lastEnd = end;
            segments++;
            failed("the database refused the segment index (" + e.getMessage() + "); footage is kept and indexed "
                    + "when it is back");
            return;
        }
        Files.move(partFile, file, StandardCopyOption.ATOMIC_MOVE);
        lastEnd = end;
        segments++;
        lastError = "";
    }

    private void abandon() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.debug("Abandoned segment of camera '{}' did not close", cameraId, e);
            }
            writer = null;
        }
        if (partFile != null) {
            try {
                Files.deleteIfExists(partFile);
            } catch (IOException e) {
                LOG.debug("Abandoned segment {} stays on disk", partFile, e);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
