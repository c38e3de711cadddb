package nl.uitkijk.core.internal.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.Still;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes single keyframes of one stream to JPEG stills with FFmpeg (decode, scale to BGR) and OpenCV (JPEG). Each
 * keyframe is decoded on its own and the decoder drained and reset after it, so no state carries over from a
 * picture that was dropped. One thread at a time; {@link #close} frees the native memory.
 */
final class KeyframeDecoder implements AutoCloseable {

    private static final int JPEG_QUALITY = 80;
    /** FFmpeg's AVERROR_EOF: the drained decoder has nothing more. */
    private static final int AVERROR_EOF = -541478725;

    private final MediaFormat format;
    private final int maxWidth;
    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private SwsContext scaler;

    /**
     * @throws IllegalArgumentException when FFmpeg has no decoder for the stream's codec, or cannot open it
     */
    KeyframeDecoder(MediaFormat format, int maxWidth) {
        this.format = format;
        this.maxWidth = maxWidth;
        try {
            context = Decoders.open(format);
        } catch (IllegalArgumentException e) {
            close(null);
            throw e;
        }
    }

    /**
     * Decodes a keyframe.
     *
     * @throws IllegalArgumentException when the packet does not decode to a picture (a broken packet)
     */
    Still decode(MediaPacket keyframe) {
        try {
            if (av_new_packet(packet, keyframe.data().length) < 0) {
                throw new IllegalStateException("out of native memory for a packet");
            }
            packet.data().put(keyframe.data());
            packet.flags(AV_PKT_FLAG_KEY);
            int sent = avcodec_send_packet(context, packet);
            av_packet_unref(packet);
            avcodec_send_packet(context, (AVPacket) null); // drain: the picture comes out now
            if (sent < 0) {
                throw new IllegalArgumentException("the decoder refused the keyframe: error " + sent);
            }
            int received = avcodec_receive_frame(context, frame);
            if (received < 0) {
                throw new IllegalArgumentException(received == AVERROR_EOF ? "the keyframe held no picture"
                        : "the keyframe did not decode: error " + received);
            }
            try {
                return still(keyframe.wallClockMicros());
            } finally {
                av_frame_unref(frame);
            }
        } finally {
            while (avcodec_receive_frame(context, frame) >= 0) {
                av_frame_unref(frame); // whatever else the drain gave
            }
            avcodec_flush_buffers(context); // ready for the next keyframe after draining
        }
    }

    private Still still(long capturedMicros) {
        int sourceWidth = frame.width();
        int sourceHeight = frame.height();
        int width = Math.min(maxWidth, sourceWidth) & ~1;
        int height = Math.max(2, (int) Math.round((double) sourceHeight * width / sourceWidth) & ~1);
        scaler = sws_getCachedContext(scaler, sourceWidth, sourceHeight, frame.format(), width, height,
                AV_PIX_FMT_BGR24, SWS_AREA, null, null, (DoublePointer) null);
        if (scaler == null) {
            throw new IllegalArgumentException("cannot scale a " + sourceWidth + "×" + sourceHeight + " picture");
        }
        try (Mat bgr = new Mat(height, width, CV_8UC3);
                PointerPointer<?> target = new PointerPointer<>(1).put(0, bgr.data());
                IntPointer stride = new IntPointer(1).put(0, (int) bgr.step());
                BytePointer jpeg = new BytePointer();
                IntPointer quality = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            sws_scale(scaler, frame.data(), frame.linesize(), 0, sourceHeight, target, stride);
            if (!imencode(".jpg", bgr, jpeg, quality)) {
                throw new IllegalStateException("OpenCV could not write a JPEG");
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return new Still(bytes, width, height, capturedMicros);
        }
    }

    MediaFormat format() {
        return format;
    }

    @Override
    public void close() {
        close(context);
    }

    private void close(AVCodecContext opened) {
        if (opened != null) {
            avcodec_free_context(opened);
        }
        av_packet_free(packet);
        av_frame_free(frame);
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
    }
}
