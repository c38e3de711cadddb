package nl.uitkijk.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The packets of the real CCTV test clip as a camera delivers them over RTSP: Annex-B H.264 (or H.265 made from it),
 * 10 fps, stamped with consecutive times, so recording tests need not wait in real time. Skips (fails under
 * {@code CI=true}) where the test data is absent, like {@link TestData#require}.
 */
public final class ClipPackets {

    public static final MediaFormat FORMAT = new MediaFormat("h264", 768, 576, 10, null);
    public static final long FRAME_MICROS = 100_000;

    private ClipPackets() {
    }

    public static final MediaFormat HEVC_FORMAT = new MediaFormat("hevc", 768, 576, 10, null);

    public static List<MediaPacket> read(Path folder, int count, long startWallMicros) throws Exception {
        Path annexB = folder.resolve("clip.h264");
        RtspCameraSimulator.remuxToAnnexB(TestData.require(RtspCameraSimulator.CLIP), annexB);
        return packets(annexB, "h264", count, startWallMicros);
    }

    /** The clip as an H.265 camera sends it (encoded by Debian's ffmpeg with libx265). */
    public static List<MediaPacket> readHevc(Path folder, int count, long startWallMicros) throws Exception {
        Path annexB = folder.resolve("clip.hevc");
        RtspCameraSimulator.encodeHevc(TestData.require(RtspCameraSimulator.CLIP), annexB, count);
        return packets(annexB, "hevc", count, startWallMicros);
    }

    private static List<MediaPacket> packets(Path annexB, String format, int count, long startWallMicros)
            throws Exception {
        List<MediaPacket> packets = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(annexB.toFile())) {
            grabber.setFormat(format);
            grabber.start();
            AVPacket packet;
            while (packets.size() < count && (packet = grabber.grabPacket()) != null) {
                byte[] data = new byte[packet.size()];
                packet.data().get(data);
                long time = packets.size() * FRAME_MICROS;
                boolean key = (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0;
                packets.add(new MediaPacket(time, time, key, data, startWallMicros + time));
            }
        }
        return packets;
    }
}
