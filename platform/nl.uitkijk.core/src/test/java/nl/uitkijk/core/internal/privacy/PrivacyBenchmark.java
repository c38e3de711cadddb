package nl.uitkijk.core.internal.privacy;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.MediaSink;
import nl.uitkijk.api.privacy.PrivacyMasks.Mask;
import nl.uitkijk.core.internal.analytics.ClipPackets;
import nl.uitkijk.core.internal.media.Decoders;
import nl.uitkijk.testkit.TestData;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of a masked camera (issue 16; {@code distribution/scripts/benchmark-privacy.sh}): one camera stream
 * decoded, masked and encoded again ({@link MaskedStream}), against the plain baseline of only decoding the same
 * packets, in CPU time per picture on one thread; at the real clip's 768×576 and at 1920×1080 (the clip scaled up
 * by Debian's ffmpeg). Figures only.
 */
@EnabledIfSystemProperty(named = "uitkijk.benchmark", matches = "privacy")
class PrivacyBenchmark {

    private static final Mask HOUSE = new Mask(List.of(new double[] {0.05, 0.1}, new double[] {0.45, 0.1},
            new double[] {0.45, 0.9}, new double[] {0.05, 0.9}));

    @Test
    void run() throws Exception {
        Path clip = TestData.require("video/opencv_vtest_h264.mp4");
        measure("768×576", clip);
        Path big = Files.createTempDirectory("privacy-benchmark").resolve("clip1080.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-i", clip.toString(),
                "-vf", "scale=1920:1080", "-c:v", "libx264", "-bf", "0", "-g", "20", "-pix_fmt", "yuv420p",
                big.toString()).redirectErrorStream(true).start();
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException(new String(ffmpeg.getInputStream().readAllBytes()));
        }
        measure("1920×1080", big);
    }

    private static void measure(String size, Path file) throws Exception {
        List<MediaPacket> packets = new ArrayList<>();
        MediaFormat format;
        try (ClipPackets clip = new ClipPackets(file)) {
            format = clip.format;
            clip.forEachPacket(packets::add);
        }
        double decodeOnly = decodeMillisPerPicture(format, packets);
        MaskShapes shapes = new MaskShapes(List.of(HOUSE));
        MaskedStream stream = new MaskedStream("benchmark", () -> shapes, () -> { });
        long[] bytes = {0};
        stream.add(new MediaSink() {
            @Override
            public void format(MediaFormat f) {
            }

            @Override
            public void packet(MediaPacket packet) {
                bytes[0] += packet.data().length;
            }

            @Override
            public void ended(String reason) {
            }
        });
        stream.format(format);
        for (MediaPacket packet : packets) {
            stream.packet(packet);
            Thread.sleep(15); // paced so the queue never overflows: every picture is measured
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (stream.pictures() < packets.size() - 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        double masked = stream.cpuNanos() / 1e6 / Math.max(1, stream.pictures());
        stream.close();
        System.out.printf(Locale.ROOT, "%s: decode only %.2f ms a picture; decode + mask + encode %.2f ms a picture "
                + "(%d pictures, %d dropped, %.0f kbit/s at 10 fps); a masked camera at 10 fps costs %.2f of a core, "
                + "at 25 fps %.2f (plain decoding: %.2f / %.2f)%n", size, decodeOnly, masked, stream.pictures(),
                stream.dropped(), bytes[0] * 8.0 / 1000 / (packets.size() / 10.0), masked * 10 / 1000,
                masked * 25 / 1000, decodeOnly * 10 / 1000, decodeOnly * 25 / 1000);
    }

    private static double decodeMillisPerPicture(MediaFormat format, List<MediaPacket> packets) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AVCodecContext decoder = Decoders.open(format);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        int pictures = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        for (MediaPacket media : packets) {
            av_new_packet(packet, media.data().length);
            packet.data().put(media.data());
            packet.pts(media.ptsMicros());
            avcodec_send_packet(decoder, packet);
            av_packet_unref(packet);
            while (avcodec_receive_frame(decoder, frame) >= 0) {
                pictures++;
                av_frame_unref(frame);
            }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(decoder);
        return cpu / 1e6 / Math.max(1, pictures);
    }
}
