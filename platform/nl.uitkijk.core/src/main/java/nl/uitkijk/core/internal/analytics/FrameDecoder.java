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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes one stream continuously for analytics (every packet: a P-frame needs the pictures before it) and hands each
 * {@link Output} at most its fps, scaled down to its width in its pixel format: one decode for all the modules of a
 * camera. Scaling, the costly part after decoding, is done only for the pictures an output takes. One thread at a
 * time; a frame passed on is valid during the call only (its buffer is reused); {@link #close} frees native memory.
 */
final class FrameDecoder implements AutoCloseable {

    /** One consumer's rate, size and layout, with its own scaler and buffer. */
    static final class Output {
        private final long intervalMicros;
        private final int maxWidth;
        private final PixelFormat pixelFormat;
        private SwsContext scaler;
        private BytePointer pixels;
        private long lastHandedMicros = Long.MIN_VALUE;
        private long nextDueMicros;
        private long handed;

        private Output(double maxFps, int maxWidth, PixelFormat pixelFormat) {
            if (!(maxFps > 0) || maxWidth < 16) {
                throw new IllegalArgumentException("maxFps must be positive and maxWidth at least 16");
            }
            this.intervalMicros = (long) (1_000_000 / maxFps);
            this.maxWidth = maxWidth;
            this.pixelFormat = pixelFormat;
        }

        long handed() {
            return handed;
        }

        /**
         * Paced by a running schedule, not by the gap to the last picture: arrival times jitter, and "at least the
         * interval since the last" would hand a 10 fps stream's pictures at 5 fps only when none came a little early.
         * A picture within a quarter interval of its due time is taken; a stall restarts the schedule.
         */
        private boolean due(long captured) {
            if (lastHandedMicros == Long.MIN_VALUE || captured < lastHandedMicros
                    || captured > nextDueMicros + intervalMicros) {
                nextDueMicros = captured + intervalMicros;
                return true;
            }
            if (captured >= nextDueMicros - intervalMicros / 4) {
                nextDueMicros += intervalMicros;
                return true;
            }
            return false;
        }

        private VideoFrame scaled(AVFrame frame, long capturedMicros) {
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

        private void close() {
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

    private static final int SNAPSHOT_WIDTH = 640;

    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final List<Output> outputs = new ArrayList<>();
    private final Output snapshots = new Output(1_000, SNAPSHOT_WIDTH, PixelFormat.BGR24);
    private final List<Consumer<byte[]>> snapshotWaiters = new ArrayList<>();
    private long decoded;
    private long broken;

    /** @throws IllegalArgumentException when FFmpeg has no decoder for the codec, or cannot open it */
    FrameDecoder(MediaFormat format) {
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

    /** A decoder with one output, for one consumer. */
    FrameDecoder(MediaFormat format, double maxFps, int maxWidth, PixelFormat pixelFormat) {
        this(format);
        try {
            output(maxFps, maxWidth, pixelFormat);
        } catch (IllegalArgumentException e) {
            close();
            throw e;
        }
    }

    /** Adds a consumer's output; the pictures it takes come with it in {@link #decode(MediaPacket, BiConsumer)}. */
    Output output(double maxFps, int maxWidth, PixelFormat pixelFormat) {
        Output output = new Output(maxFps, maxWidth, pixelFormat);
        outputs.add(output);
        return output;
    }

    void remove(Output output) {
        if (outputs.remove(output)) {
            output.close();
        }
    }

    /** The next decoded picture, 640 wide, as a JPEG, to {@code waiter} (on the decoding thread). */
    void snapshot(Consumer<byte[]> waiter) {
        snapshotWaiters.add(waiter);
    }

    /** As {@link #decode(MediaPacket, BiConsumer)} for a decoder with one output. */
    void decode(MediaPacket media, Consumer<VideoFrame> sink) {
        decode(media, (output, picture) -> sink.accept(picture));
    }

    /**
     * Decodes a packet; each picture due for an output (by its capture time) goes to {@code sink} with it. A packet
     * that does not decode is counted and skipped: the decoder recovers at the next keyframe.
     */
    void decode(MediaPacket media, BiConsumer<Output, VideoFrame> sink) {
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
                for (Output output : List.copyOf(outputs)) {
                    if (output.due(captured)) {
                        output.lastHandedMicros = captured;
                        output.handed++;
                        sink.accept(output, output.scaled(frame, captured));
                    }
                }
                if (!snapshotWaiters.isEmpty()) {
                    byte[] jpeg = jpeg(snapshots.scaled(frame, captured));
                    List.copyOf(snapshotWaiters).forEach(waiter -> waiter.accept(jpeg));
                    snapshotWaiters.clear();
                }
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private static byte[] jpeg(VideoFrame picture) {
        try (BytePointer pixels = new BytePointer(picture.pixels());
                Mat image = new Mat(picture.height(), picture.width(), org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                        pixels, picture.stride());
                BytePointer encoded = new BytePointer()) {
            opencv_imgcodecs.imencode(".jpg", image, encoded);
            byte[] bytes = new byte[(int) encoded.limit()];
            encoded.get(bytes);
            return bytes;
        }
    }

    /** Pictures decoded, and packets the decoder refused. */
    long decoded() {
        return decoded;
    }

    /** Pictures handed to the first output (the one of a single-consumer decoder). */
    long handed() {
        return outputs.isEmpty() ? 0 : outputs.get(0).handed;
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
        outputs.forEach(Output::close);
        outputs.clear();
        snapshots.close();
    }
}
