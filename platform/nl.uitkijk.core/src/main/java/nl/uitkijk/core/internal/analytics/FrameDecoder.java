package nl.uitkijk.core.internal.analytics;

import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import nl.uitkijk.api.media.MediaFormat;
import nl.uitkijk.api.media.MediaPacket;
import nl.uitkijk.api.media.VideoFrame;
import nl.uitkijk.api.media.VideoFrame.PixelFormat;
import nl.uitkijk.core.internal.media.Decoders;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes one stream continuously for analytics (every packet: a P-frame needs the pictures before it) and hands on
 * at most {@code maxFps} pictures a second, scaled down to {@code maxWidth} in the pixel format asked for. The
 * scaling, the costly part after decoding, is done only for the pictures handed on. One thread at a time; the frame
 * passed on is valid during the call only (its buffer is reused); {@link #close} frees the native memory.
 *
 * <p>The first step of the analytics runtime (issue 15): it is tested on real footage, not yet wired to cameras.
 */
final class FrameDecoder implements AutoCloseable {

    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final long intervalMicros;
    private final int maxWidth;
    private final PixelFormat pixelFormat;
    private SwsContext scaler;
    private BytePointer pixels;
    private long lastHandedMicros = Long.MIN_VALUE;
    private long decoded;
    private long handed;
    private long broken;

    /** @throws IllegalArgumentException when FFmpeg has no decoder for the codec, or cannot open it */
    FrameDecoder(MediaFormat format, double maxFps, int maxWidth, PixelFormat pixelFormat) {
        if (maxFps <= 0 || maxWidth < 16) {
            throw new IllegalArgumentException("maxFps must be positive and maxWidth at least 16");
        }
        this.intervalMicros = (long) (1_000_000 / maxFps);
        this.maxWidth = maxWidth;
        this.pixelFormat = pixelFormat;
        AVCodecContext opened = null;
        try {
            opened = Decoders.open(format);
        } finally {
            context = opened;
            if (opened == null) {
                close(); // the packet and frame allocated with the fields
            }
        }
    }

    /**
     * Decodes a packet; each picture due (by its capture time) goes to {@code sink}. A packet that does not decode
     * is counted and skipped: the decoder recovers at the next keyframe.
     */
    void decode(MediaPacket media, Consumer<VideoFrame> sink) {
        if (av_new_packet(packet, media.data().length) < 0) {
            throw new IllegalStateException("out of native memory for a packet");
        }
        packet.data().put(media.data());
        packet.pts(media.ptsMicros());
        packet.dts(media.dtsMicros());
        int sent = avcodec_send_packet(context, packet);
        av_packet_unref(packet);
        if (sent < 0) {
            broken++;
            return;
        }
        while (avcodec_receive_frame(context, frame) >= 0) {
            try {
                decoded++;
                long captured = media.wallClockMicros();
                if (lastHandedMicros == Long.MIN_VALUE || captured - lastHandedMicros >= intervalMicros) {
                    lastHandedMicros = captured;
                    handed++;
                    sink.accept(scaled(captured));
                }
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private VideoFrame scaled(long capturedMicros) {
        int sourceWidth = frame.width();
        int sourceHeight = frame.height();
        int width = Math.min(maxWidth, sourceWidth) & ~1;
        int height = Math.max(2, (int) Math.round((double) sourceHeight * width / sourceWidth) & ~1);
        int bytesPerPixel = pixelFormat == PixelFormat.GRAY8 ? 1 : 3;
        scaler = sws_getCachedContext(scaler, sourceWidth, sourceHeight, frame.format(), width, height,
                pixelFormat == PixelFormat.GRAY8 ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_BGR24, SWS_AREA, null, null,
                (DoublePointer) null);
        if (scaler == null) {
            throw new IllegalArgumentException("cannot scale a " + sourceWidth + "×" + sourceHeight + " picture");
        }
        int stride = width * bytesPerPixel;
        long size = (long) stride * height;
        if (pixels == null || pixels.capacity() < size) {
            if (pixels != null) {
                pixels.close();
            }
            pixels = new BytePointer(size);
        }
        try (PointerPointer<?> target = new PointerPointer<>(1).put(0, pixels);
                IntPointer strides = new IntPointer(1).put(0, stride)) {
            sws_scale(scaler, frame.data(), frame.linesize(), 0, sourceHeight, target, strides);
        }
        ByteBuffer buffer = pixels.position(0).limit(size).asByteBuffer();
        return new VideoFrame(width, height, stride, pixelFormat, buffer, capturedMicros);
    }

    /** Pictures decoded, handed on, and packets the decoder refused. */
    long decoded() {
        return decoded;
    }

    long handed() {
        return handed;
    }

    long broken() {
        return broken;
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
        }
        av_packet_free(packet);
        av_frame_free(frame);
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (pixels != null) {
            pixels.close();
            pixels = null;
        }
    }
}
