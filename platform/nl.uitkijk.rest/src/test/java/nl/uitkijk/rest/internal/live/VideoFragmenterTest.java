package nl.uitkijk.rest.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.rest.internal.live.VideoFragmenter.Chunk;
import nl.uitkijk.testkit.Ffprobe;
import nl.uitkijk.testkit.RtspCameraSimulator;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFragmenterTest {

    @TempDir
    Path work;

    /** The real clip, split into access units as the hub delivers them, becomes fMP4 that ffprobe decodes fully. */
    @Test
    void theRealClipBecomesFragmentedMp4ThatDecodesFrameForFrame() throws Exception {
        Path clip = TestData.require("video/opencv_vtest_h264.mp4");
        Path annexB = work.resolve("clip.h264");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", clip.toString(), "-c:v", "copy",
                "-bsf:v", "h264_mp4toannexb,h264_metadata=aud=insert", "-f", "h264", annexB.toString())
                .redirectErrorStream(true).start();
        assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0,
                new String(ffmpeg.getInputStream().readAllBytes()));
        List<byte[]> accessUnits = accessUnits(Files.readAllBytes(annexB));

        Path mp4 = work.resolve("live.mp4");
        List<Chunk> sent = fragment("h264", accessUnits, n -> (n[0] & 0x1F) == 5, mp4);
        assertTrue(sent.get(0).init(), "the initialisation segment comes first");
        assertTrue(sent.get(0).codec().matches("avc1\\.[0-9a-f]{6}"), sent.get(0).codec());
        assertEquals(1, sent.stream().filter(Chunk::init).count(), "one init while the parameter sets stay");
        assertEquals(accessUnits.size(), sent.size() - 1, "one fragment per access unit");
        assertEquals(accessUnits.size(), Ffprobe.decodedFrames(mp4), "every frame decodes, none re-encoded");
    }

    /**
     * An H.265 camera (the clip encoded by Debian's ffmpeg with libx265): an hvc1 initialisation segment with the
     * codec string MSE asks about, and fMP4 that ffprobe decodes frame for frame.
     */
    @Test
    void anH265StreamBecomesFragmentedMp4WithAnHvc1CodecThatDecodesFrameForFrame() throws Exception {
        Path annexB = work.resolve("clip.hevc");
        RtspCameraSimulator.encodeHevc(TestData.require("video/opencv_vtest_h264.mp4"), annexB, 60);
        List<byte[]> accessUnits = accessUnits(Files.readAllBytes(annexB), true);
        assertEquals(60, accessUnits.size());

        Path mp4 = work.resolve("live-hevc.mp4");
        // IRAP pictures: IDR_W_RADL, IDR_N_LP, CRA
        List<Chunk> sent = fragment("hevc", accessUnits, n -> ((n[0] >> 1) & 0x3F) >= 19 && ((n[0] >> 1) & 0x3F) <= 21,
                mp4);
        assertTrue(sent.get(0).init());
        assertTrue(sent.get(0).codec().matches("hvc1\\.1\\.6\\.L\\d+(\\.[0-9A-F]{2})*"), sent.get(0).codec());
        assertEquals(1, sent.stream().filter(Chunk::init).count(), "parameter sets repeated unchanged: one init");
        assertEquals(accessUnits.size(), sent.size() - 1, "one fragment per access unit");
        Ffprobe probe = Ffprobe.of(mp4);
        assertEquals("hevc", probe.codec());
        assertEquals("", probe.errors());
        assertEquals(accessUnits.size(), Ffprobe.decodedFrames(mp4), "every frame decodes, none re-encoded");
    }

    @Test
    void theH265CodecStringFollowsIso14496AnnexE() {
        // x265's Main profile SPS: profile space 0, Main (1), compatibility Main + Main 10, level 3.1 (93)
        byte[] sps = { 0x42, 0x01, 0x01, 0x01, 0x60, 0x00, 0x00, 0x03, 0x00, (byte) 0x90, 0x00, 0x00, 0x03, 0x00,
            0x00, 0x03, 0x00, 0x5d, (byte) 0xa0, 0x02 };
        assertEquals("hvc1.1.6.L93.90", Fmp4Writer.hevcCodec(sps));
    }

    @Test
    void waitsForAKeyframeWithParameterSetsAndStartsAgainAfterResync() {
        VideoFragmenter fragmenter = new VideoFragmenter();
        fragmenter.format(new MediaFormat("h264", 640, 360, 25, new byte[0]));
        byte[] sps = { 0, 0, 0, 1, 0x67, 0x64, 0x00, 0x1f, (byte) 0xac };
        byte[] pps = { 0, 0, 0, 1, 0x68, (byte) 0xee, 0x3c };
        byte[] idr = { 0, 0, 1, 0x65, (byte) 0x88, 0x11 };
        byte[] slice = { 0, 0, 1, 0x41, (byte) 0x9a, 0x22 };
        assertTrue(fragmenter.packet(new MediaPacket(0, 0, false, slice, 0)).isEmpty(), "no start mid-GOP");
        List<Chunk> start = fragmenter.packet(new MediaPacket(40_000, 40_000, true, concat(sps, pps, idr), 0));
        assertEquals(2, start.size());
        assertEquals("avc1.64001f", start.get(0).codec());
        assertEquals(1, fragmenter.packet(new MediaPacket(80_000, 80_000, false, slice, 0)).size());
        fragmenter.resync();
        assertTrue(fragmenter.packet(new MediaPacket(120_000, 120_000, false, slice, 0)).isEmpty());
        assertTrue(fragmenter.packet(new MediaPacket(160_000, 160_000, true, idr, 0)).get(0).init(),
                "after a resync the viewer gets the initialisation segment again");
    }

    @Test
    void readsParameterSetsFromAnAvcCRecord() {
        byte[] avcC = { 1, 0x64, 0, 0x1f, (byte) 0xff, (byte) 0xe1, 0, 4, 0x67, 0x64, 0, 0x1f, 1, 0, 2, 0x68,
            (byte) 0xee };
        List<byte[]> sets = VideoFragmenter.parameterSets(avcC);
        assertEquals(2, sets.size());
        assertEquals(0x67, sets.get(0)[0]);
        assertEquals(0x68, sets.get(1)[0]);
        assertTrue(VideoFragmenter.parameterSets(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }).size() <= 1,
                "a truncated record gives what it has, no exception");
    }

    /** The access units as the hub delivers them (10 fps), fragmented and written to one file; the chunks sent. */
    private static List<Chunk> fragment(String codec, List<byte[]> accessUnits,
            java.util.function.Predicate<byte[]> keyNal, Path mp4) throws Exception {
        VideoFragmenter fragmenter = new VideoFragmenter();
        fragmenter.format(new MediaFormat(codec, 768, 576, 10, new byte[0]));
        List<Chunk> sent = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(mp4)) {
            long micros = 0;
            for (byte[] unit : accessUnits) {
                boolean keyframe = VideoFragmenter.nalUnits(unit).stream().anyMatch(keyNal);
                for (Chunk chunk : fragmenter.packet(new MediaPacket(micros, micros, keyframe, unit, micros))) {
                    sent.add(chunk);
                    out.write(chunk.bytes());
                }
                micros += 100_000;
            }
        }
        return sent;
    }

    private static List<byte[]> accessUnits(byte[] annexB) {
        return accessUnits(annexB, false);
    }

    /** Access units split at their delimiters (H.264 type 9, H.265 type 35). */
    private static List<byte[]> accessUnits(byte[] annexB, boolean hevc) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 4 < annexB.length; i++) {
            int type = hevc ? (annexB[i + 3] >> 1) & 0x3F : annexB[i + 3] & 0x1F;
            boolean aud = annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1 && type == (hevc ? 35 : 9);
            if (aud) {
                int at = i > 0 && annexB[i - 1] == 0 ? i - 1 : i;
                if (start >= 0) {
                    units.add(Arrays.copyOfRange(annexB, start, at));
                }
                start = at;
            }
        }
        units.add(Arrays.copyOfRange(annexB, start, annexB.length));
        return units;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
