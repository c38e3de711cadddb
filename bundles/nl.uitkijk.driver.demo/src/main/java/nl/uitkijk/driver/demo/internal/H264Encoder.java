package nl.uitkijk.driver.demo.internal;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.ArrayList;
import java.util.List;
import nl.uitkijk.api.media.MediaPacket;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes BGR pictures to H.264 (Annex B, parameter sets in-band before every keyframe) with FFmpeg's
 * {@code libopenh264}, the H.264 encoder of the LGPL FFmpeg build. Not thread-safe: one encoding thread at a time.
 */
final class H264Encoder implements AutoCloseable {

    /** FFmpeg's AVERROR(EAGAIN) on Linux: the encoder wants the next frame first. */
    private static final int AVERROR_EAGAIN = -11;

    private final int width;
    private final int height;
    private final int fps;
    private final AVCodecContext context;
    private final AVFrame frame;
    private final AVPacket packet;
    private final Mat yuv = new Mat();
    private final byte[] planes;
    private long frameIndex;

    H264Encoder(int width, int height, int fps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        AVCodec codec = avcodec_find_encoder_by_name("libopenh264");
        if (codec == null) {
            throw new IllegalStateException("FFmpeg has no libopenh264 encoder");
        }
        context = avcodec_alloc_context3(codec);
        context.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P)
                .time_base(av_make_q(1, fps)).framerate(av_make_q(fps, 1))
                .gop_size(fps * 2).max_b_frames(0).bit_rate(800_000L);
        int result = avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(context);
            throw new IllegalStateException("cannot open the H.264 encoder: error " + result);
        }
        frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        if (av_frame_get_buffer(frame, 1) < 0) {
            close();
            throw new IllegalStateException("cannot allocate a video frame");
        }
        packet = av_packet_alloc();
        planes = new byte[width * height * 3 / 2];
    }

    /** Microseconds per frame, the distance between presentation times. */
    long frameMicros() {
        return 1_000_000L / fps;
    }

    /**
     * Encodes one picture.
     *
     * @param bgr a picture of the encoder's size, 8-bit BGR
     * @param keyframe whether this picture must start a new group of pictures (a new viewer joins)
     */
    List<MediaPacket> encode(Mat bgr, boolean keyframe, long wallClockMicros) {
        cvtColor(bgr, yuv, COLOR_BGR2YUV_I420);
        yuv.data().get(planes);
        av_frame_make_writable(frame);
        int lumaSize = width * height;
        int chromaSize = lumaSize / 4;
        copyPlane(0, 0, width, height);
        copyPlane(1, lumaSize, width / 2, height / 2);
        copyPlane(2, lumaSize + chromaSize, width / 2, height / 2);
        frame.pts(frameIndex++);
        frame.pict_type(keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        int sent = avcodec_send_frame(context, frame);
        if (sent < 0) {
            throw new IllegalStateException("the H.264 encoder refused a frame: error " + sent);
        }
        List<MediaPacket> packets = new ArrayList<>(1);
        while (true) {
            int received = avcodec_receive_packet(context, packet);
            if (received == AVERROR_EAGAIN || received < 0) {
                break;
            }
            byte[] data = new byte[packet.size()];
            packet.data().get(data);
            long pts = packet.pts() * frameMicros();
            long dts = packet.dts() * frameMicros();
            boolean key = (packet.flags() & org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY) != 0;
            packets.add(new MediaPacket(pts, dts, key, data, wallClockMicros));
            av_packet_unref(packet);
        }
        return packets;
    }

    private void copyPlane(int plane, int offset, int planeWidth, int planeHeight) {
        int stride = frame.linesize(plane);
        var target = frame.data(plane);
        for (int row = 0; row < planeHeight; row++) {
            target.position((long) row * stride).put(planes, offset + row * planeWidth, planeWidth);
        }
        target.position(0);
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
        }
        if (frame != null) {
            av_frame_free(frame);
        }
        avcodec_free_context(context);
        yuv.close();
    }
}
