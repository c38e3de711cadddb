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
import nl.uitkijk.rest.internal.live.H264Fragmenter.Chunk;
import nl.uitkijk.testkit.Ffprobe;
import nl.uitkijk.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H264FragmenterTest {

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

        H264Fragmenter fragmenter = new H264Fragmenter();
        fragmenter.format(new MediaFormat("h264", 768, 576, 10, new byte[0]));
        Path mp4 = work.resolve("live.mp4");
        List<Chunk> sent = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(mp4)) {
            long micros = 0;
            for (byte[] unit : accessUnits) {
                boolean keyframe = H264Fragmenter.nalUnits(unit).stream().anyMatch(n -> (n[0] & 0x1F) == 5);
                for (Chunk chunk : fragmenter.packet(new MediaPacket(micros, micros, keyframe, unit, micros))) {
                    sent.add(chunk);
                    out.write(chunk.bytes());
                }
                micros += 100_000;
            }
        }
        assertTrue(sent.get(0).init(), "the initialisation segment comes first");
        assertTrue(sent.get(0).codec().matches("avc1\\.[0-9a-f]{6}"), sent.get(0).codec());
        assertEquals(1, sent.stream().filter(Chunk::init).count(), "one init while the parameter sets stay");
        assertEquals(accessUnits.size(), sent.size() - 1, "one fragment per access unit");
        assertEquals(accessUnits.size(), Ffprobe.decodedFrames(mp4), "every frame decodes, none re-encoded");
    }

    @Test
    void waitsForAKeyframeWithParameterSetsAndStartsAgainAfterResync() {
        H264Fragmenter fragmenter = new H264Fragmenter();
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
        List<byte[]> sets = H264Fragmenter.parameterSets(avcC);
        assertEquals(2, sets.size());
        assertEquals(0x67, sets.get(0)[0]);
        assertEquals(0x68, sets.get(1)[0]);
        assertTrue(H264Fragmenter.parameterSets(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }).size() <= 1,
                "a truncated record gives what it has, no exception");
    }

    private static List<byte[]> accessUnits(byte[] annexB) {
        List<byte[]> units = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 4 < annexB.length; i++) {
            boolean aud = annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1 && (annexB[i + 3] & 0x1F) == 9;
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
