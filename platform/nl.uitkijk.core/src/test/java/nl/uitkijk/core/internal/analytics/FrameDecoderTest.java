package nl.uitkijk.core.internal.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;

/** The analytics decoder on the real CCTV clip of the shared test data (768×576, 10 fps, 79.5 s, H.264). */
class FrameDecoderTest {

    @Test
    void decodesTheRealClipAndHandsOnFramesAtTheAskedRateAndSize() throws Exception {
        Path clip = TestData.require("video/opencv_vtest_h264.mp4");
        List<int[]> sizes = new ArrayList<>();
        long[] brightness = new long[2];
        FrameDecoder[] decoder = new FrameDecoder[1];
        try (ClipPackets real = new ClipPackets(clip)) {
            decoder[0] = new FrameDecoder(real.format, 5, 320, PixelFormat.GRAY8);
            real.forEachPacket(packet -> decoder[0].decode(packet, frame -> {
                sizes.add(new int[] {frame.width(), frame.height(), frame.stride(), frame.pixels().remaining()});
                long sum = 0;
                for (int i = 0; i < frame.pixels().remaining(); i += 97) {
                    sum += frame.pixels().get(i) & 0xff;
                }
                brightness[0] += sum;
                brightness[1]++;
            }));
        }
        try {
            assertTrue(decoder[0].decoded() >= 790, "every picture decoded: " + decoder[0].decoded());
            // 79.5 s at 5 of 10 pictures a second
            assertTrue(Math.abs(decoder[0].handed() - 398) <= 3, "handed on at 5 fps: " + decoder[0].handed());
            assertEquals(decoder[0].handed(), sizes.size());
            int[] first = sizes.get(0);
            assertEquals(320, first[0]);
            assertEquals(240, first[1], "the aspect ratio kept (768×576 → 320×240)");
            assertEquals(320, first[2], "gray: one byte a pixel");
            assertEquals(320 * 240, first[3]);
            assertEquals(0, decoder[0].broken());
            double mean = (double) brightness[0] / brightness[1] / (320 * 240 / 97);
            assertTrue(mean > 40 && mean < 220, "a real picture, not black or white: mean " + mean);
        } finally {
            decoder[0].close();
        }
    }

    @Test
    void anUnknownCodecIsAClearError() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(
                new MediaFormat("no-such-codec", 640, 480, 25, new byte[0]), 5, 320, PixelFormat.BGR24));
        assertTrue(refused.getMessage().contains("no decoder"), refused.getMessage());
    }

    @Test
    void garbageIsCountedNotThrown() {
        try (FrameDecoder decoder = new FrameDecoder(new MediaFormat("h264", 640, 480, 25, new byte[0]), 5, 320,
                PixelFormat.BGR24)) {
            List<VideoFrame> frames = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] junk = new byte[200 + i];
                new java.util.Random(i).nextBytes(junk);
                decoder.decode(new MediaPacket(i * 40_000L, i * 40_000L, i == 0, junk, i * 40_000L), frame -> frames.add(frame));
            }
            assertTrue(frames.size() <= 20, "no crash on garbage");
        }
    }
}
